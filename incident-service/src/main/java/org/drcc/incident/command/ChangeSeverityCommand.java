package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.drcc.contract.incident.Severity;

/** Change the incident's severity, with a reason. {@code expectedVersion}, when given, must be the incident's current version. */
public record ChangeSeverityCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        Severity severity,
        String reason,
        String actor,
        Instant requestedAt) {
}
