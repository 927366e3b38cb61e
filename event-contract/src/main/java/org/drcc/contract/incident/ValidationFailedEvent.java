package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** Validation of the restore failed: the incident stays RESTORED. */
@JsonTypeName("dr.incident.validation-failed.v1")
public record ValidationFailedEvent(
        String incidentId,
        IncidentTargets targets,
        String summary,
        String actor,
        Instant occurredAt) implements IncidentEvent {
}
