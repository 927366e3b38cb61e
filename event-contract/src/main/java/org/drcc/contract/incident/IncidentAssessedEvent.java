package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** Assessment is done: the impact is known. */
@JsonTypeName("dr.incident.assessed.v1")
public record IncidentAssessedEvent(
        String incidentId,
        IncidentTargets targets,
        String summary,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
