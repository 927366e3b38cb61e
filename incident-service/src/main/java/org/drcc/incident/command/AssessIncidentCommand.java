package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Leave the assessment phase: the impact is known. {@code expectedVersion}, when given, must be the incident's current version. */
public record AssessIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String summary,
        String actor,
        Instant requestedAt) {
}
