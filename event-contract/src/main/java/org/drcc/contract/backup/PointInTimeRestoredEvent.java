package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * {@code targetDatabase} holds {@code database} as it was at {@code toTime}: every transaction committed up to it,
 * none after. {@code reachedAt} is the commit time of the last transaction replayed (the exact instant the data
 * is from); {@code baseBackupLabel} the base backup the WAL was replayed on; {@code tables} and {@code rows} were
 * counted in the recovered cluster and found equal in {@code targetDatabase}.
 */
@JsonTypeName("dr.backup.restored-to-instant.v1")
public record PointInTimeRestoredEvent(
        String restoreId,
        String database,
        String targetDatabase,
        Instant toTime,
        Instant reachedAt,
        String baseBackupLabel,
        int tables,
        long rows,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {

    @Override
    @JsonIgnore
    public String backupId() {
        return restoreId;
    }
}
