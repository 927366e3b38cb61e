package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * A restore of {@code database} as it was at {@code toTime} into the new database {@code targetDatabase} started. With
 * {@code toEndOfArchive} (the protected server lost) the restore replays all the WAL the archive holds, asking nothing
 * of the protected server, and {@code toTime} is when it was asked: the restored event's {@code reachedAt} says how far
 * the archive reached. Null in events stored before that mode existed (a restore to {@code toTime}).
 */
@JsonTypeName("dr.backup.restore-to-instant-started.v1")
public record PointInTimeRestoreStartedEvent(
        String restoreId,
        String database,
        String targetDatabase,
        Instant toTime,
        Boolean toEndOfArchive,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {

    /** A restore to an instant is of a base backup and the WAL after it, not of one backup: its id is the restore's. */
    @Override
    @JsonIgnore
    public String backupId() {
        return restoreId;
    }
}
