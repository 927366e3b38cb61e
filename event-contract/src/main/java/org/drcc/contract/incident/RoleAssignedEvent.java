package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A plan role was given to a person (previousPerson is null on first assignment). */
@JsonTypeName("dr.incident.role-assigned.v1")
public record RoleAssignedEvent(
        String incidentId,
        IncidentTargets targets,
        IncidentRole role,
        @PersonalData String person,
        @PersonalData String previousPerson,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
