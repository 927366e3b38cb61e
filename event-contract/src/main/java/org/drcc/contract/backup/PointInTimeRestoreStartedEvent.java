package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A restore of {@code database} as it was at {@code toTime} into the new database {@code targetDatabase} started. */
@JsonTypeName("dr.backup.restore-to-instant-started.v1")
public record PointInTimeRestoreStartedEvent(
        String restoreId,
        String database,
        String targetDatabase,
        Instant toTime,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {

    /** A restore to an instant is of a base backup and the WAL after it, not of one backup: its id is the restore's. */
    @Override
    @JsonIgnore
    public String backupId() {
        return restoreId;
    }
}
