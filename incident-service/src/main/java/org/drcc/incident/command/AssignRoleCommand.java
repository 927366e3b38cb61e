package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.drcc.contract.incident.IncidentRole;

/** Give one of the plan's roles to a person. {@code expectedVersion}, when given, must be the incident's current version. */
public record AssignRoleCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        IncidentRole role,
        String person,
        String actor,
        Instant requestedAt) {
}
