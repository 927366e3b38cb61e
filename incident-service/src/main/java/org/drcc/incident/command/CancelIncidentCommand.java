package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancel the incident as a false alarm. {@code expectedVersion}, when given, must be the incident's current version. */
public record CancelIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String reason,
        String actor,
        Instant requestedAt) {
}
