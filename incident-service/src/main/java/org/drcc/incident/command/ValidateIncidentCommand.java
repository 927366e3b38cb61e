package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the validation of the restore; a failed one keeps the incident RESTORED. {@code expectedVersion}, when given, must be the incident's current version. */
public record ValidateIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        boolean passed,
        String summary,
        String actor,
        Instant requestedAt) {
}
