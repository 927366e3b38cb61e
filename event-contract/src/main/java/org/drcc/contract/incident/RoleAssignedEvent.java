package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** A plan role was given to a person (previousPerson is null on first assignment). */
@JsonTypeName("dr.incident.role-assigned.v1")
public record RoleAssignedEvent(
        String incidentId,
        IncidentTargets targets,
        IncidentRole role,
        String person,
        String previousPerson,
        String actor,
        Instant occurredAt) implements IncidentEvent {
}
