package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The restore into {@code targetDatabase} did not complete. */
@JsonTypeName("dr.backup.restore-failed.v1")
public record BackupRestoreFailedEvent(
        String backupId,
        String database,
        String restoreId,
        String targetDatabase,
        String cause,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
