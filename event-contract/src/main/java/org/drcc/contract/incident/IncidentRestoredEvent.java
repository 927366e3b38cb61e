package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** Service was restored; the backup used and its restore point are the evidence (RPO). */
@JsonTypeName("dr.incident.restored.v1")
public record IncidentRestoredEvent(
        String incidentId,
        IncidentTargets targets,
        String backupId,
        Instant restorePoint,
        String summary,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
