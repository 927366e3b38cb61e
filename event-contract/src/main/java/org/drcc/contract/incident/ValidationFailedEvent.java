package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** Validation of the restore failed: the incident stays RESTORED. */
@JsonTypeName("dr.incident.validation-failed.v1")
public record ValidationFailedEvent(
        String incidentId,
        IncidentTargets targets,
        String summary,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
