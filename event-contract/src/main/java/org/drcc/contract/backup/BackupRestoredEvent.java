package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** {@code targetDatabase} now holds the data as it was at {@code restorePoint}. */
@JsonTypeName("dr.backup.restored.v1")
public record BackupRestoredEvent(
        String backupId,
        String database,
        String restoreId,
        String targetDatabase,
        Instant restorePoint,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
