package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/**
 * The dump is stored in {@code bucket}, the one it was started in (the primary's, unless it was gone then).
 * {@code snapshotAt} is the restore point: the dump and the manifest ({@code tables}) were both read from the same
 * database snapshot, taken then.
 */
@JsonTypeName("dr.backup.completed.v1")
public record BackupCompletedEvent(
        String backupId,
        String database,
        String bucket,
        String objectKey,
        long sizeBytes,
        String sha256,
        String serverVersion,
        Instant snapshotAt,
        Duration duration,
        List<TableChecksum> tables,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
