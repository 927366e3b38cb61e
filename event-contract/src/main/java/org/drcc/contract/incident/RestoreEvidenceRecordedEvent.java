package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * Where the restore recorded with the next {@code dr.incident.restored.v1} comes from. {@code evidence} is
 * {@code LINKED}: the backup id and restore point are those of the {@code dr.backup.restored.v1} event
 * {@code sourceEventId} (restore {@code restoreId} of {@code database}); or {@code MANUAL}: typed by a person, no
 * such event checked, and {@code vouchedBy} vouched for it (the three link fields are then null).
 */
@JsonTypeName("dr.incident.restore-evidence-recorded.v1")
public record RestoreEvidenceRecordedEvent(
        String incidentId,
        IncidentTargets targets,
        String evidence,
        String backupId,
        Instant restorePoint,
        String restoreId,
        String database,
        String sourceEventId,
        @PersonalData String vouchedBy,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {

    public static final String LINKED = "LINKED";
    public static final String MANUAL = "MANUAL";
}
