package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Waive a mandatory checklist item; only the incident's DR lead may, with a reason. {@code expectedVersion}, when given, must be the incident's current version. */
public record WaiveChecklistItemCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String itemId,
        String reason,
        String actor,
        Instant requestedAt) {
}
