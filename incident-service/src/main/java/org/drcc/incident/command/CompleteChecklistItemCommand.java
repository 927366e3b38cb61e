package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Tick a checklist item. {@code expectedVersion}, when given, must be the incident's current version. */
public record CompleteChecklistItemCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String itemId,
        String note,
        String actor,
        Instant requestedAt) {
}
