package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A protected database is within its RPO again, thanks to backup {@code backupId}. */
@JsonTypeName("dr.backup.rpo-recovered.v1")
public record RpoRecoveredEvent(
        String backupId,
        String database,
        Instant newestGoodSnapshotAt,
        Duration rpo,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
