package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** Validation of the restore passed. */
@JsonTypeName("dr.incident.validated.v1")
public record IncidentValidatedEvent(
        String incidentId,
        IncidentTargets targets,
        String summary,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
