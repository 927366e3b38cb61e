package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Close the incident after the post-recovery work. {@code expectedVersion}, when given, must be the incident's current version. */
public record CloseIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String summary,
        String actor,
        Instant requestedAt) {
}
