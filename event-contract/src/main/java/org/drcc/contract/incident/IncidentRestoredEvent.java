package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** Service was restored; the backup used and its restore point are the evidence (RPO). */
@JsonTypeName("dr.incident.restored.v1")
public record IncidentRestoredEvent(
        String incidentId,
        IncidentTargets targets,
        String backupId,
        Instant restorePoint,
        String summary,
        String actor,
        Instant occurredAt) implements IncidentEvent {
}
