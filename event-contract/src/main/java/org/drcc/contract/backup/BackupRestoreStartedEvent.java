package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A restore of the backup began into {@code targetDatabase}; {@code restorePoint} is the backup's snapshot time. */
@JsonTypeName("dr.backup.restore-started.v1")
public record BackupRestoreStartedEvent(
        String backupId,
        String database,
        String restoreId,
        String targetDatabase,
        boolean overwritesProtected,
        Instant restorePoint,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
