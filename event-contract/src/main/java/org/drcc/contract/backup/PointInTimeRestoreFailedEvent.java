package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A restore to an instant failed; {@code targetDatabase} was dropped again (or never created). */
@JsonTypeName("dr.backup.restore-to-instant-failed.v1")
public record PointInTimeRestoreFailedEvent(
        String restoreId,
        String database,
        String targetDatabase,
        Instant toTime,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {

    @Override
    @JsonIgnore
    public String backupId() {
        return restoreId;
    }
}
