package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;

/** A protected database is within its RPO again, thanks to backup {@code backupId}. */
@JsonTypeName("dr.backup.rpo-recovered.v1")
public record RpoRecoveredEvent(
        String backupId,
        String database,
        Instant newestGoodSnapshotAt,
        Duration rpo,
        String actor,
        Instant occurredAt) implements BackupEvent {
}
