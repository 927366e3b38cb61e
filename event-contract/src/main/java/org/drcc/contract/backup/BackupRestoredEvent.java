package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** {@code targetDatabase} now holds the data as it was at {@code restorePoint}. */
@JsonTypeName("dr.backup.restored.v1")
public record BackupRestoredEvent(
        String backupId,
        String database,
        String restoreId,
        String targetDatabase,
        Instant restorePoint,
        String actor,
        Instant occurredAt) implements BackupEvent {
}
