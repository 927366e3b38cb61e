package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/**
 * {@code targetDatabase} now holds the data as it was at {@code restorePoint}, restored from the copy
 * {@code source} ({@code <tier> s3://<bucket>/<key>}); {@code passedOver} says why each copy tried before it
 * was not used (unreachable, or not reading with the backup's SHA-256). Both are null in events stored before
 * the suite restored from any copy.
 */
@JsonTypeName("dr.backup.restored.v1")
public record BackupRestoredEvent(
        String backupId,
        String database,
        String restoreId,
        String targetDatabase,
        Instant restorePoint,
        String source,
        List<String> passedOver,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
