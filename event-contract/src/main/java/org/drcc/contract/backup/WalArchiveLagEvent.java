package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * The WAL archive of the protected server crossed its threshold ({@code lagging}: the newest archived segment is
 * {@code lag} old, more than {@code threshold}; a disaster now loses that much) or came back within it. Recorded
 * when the state changes, not at every measurement. {@code lastArchivedWal} is null when nothing was archived yet.
 */
@JsonTypeName("dr.backup.wal-archive-lag.v1")
public record WalArchiveLagEvent(
        String database,
        String stanza,
        boolean lagging,
        String lastArchivedWal,
        Instant lastArchivedAt,
        Duration lag,
        Duration threshold,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {

    /** Of no one backup: the archive's events are keyed by the database. */
    @Override
    @JsonIgnore
    public String backupId() {
        return null;
    }
}
