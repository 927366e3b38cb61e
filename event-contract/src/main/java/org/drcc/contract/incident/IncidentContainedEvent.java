package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** Containment is done: the damage is stopped and the backups are secured. */
@JsonTypeName("dr.incident.contained.v1")
public record IncidentContainedEvent(
        String incidentId,
        IncidentTargets targets,
        String summary,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
