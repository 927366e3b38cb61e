package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** Retention let the backup go: its objects were deleted from every tier. */
@JsonTypeName("dr.backup.expired.v1")
public record BackupExpiredEvent(
        String backupId,
        String database,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
