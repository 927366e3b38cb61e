package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * The newest good backup of a protected database is older than its RPO: a disaster now would lose more
 * data than the plan allows. {@code backupId} is that newest good backup (null if there is none).
 */
@JsonTypeName("dr.backup.rpo-at-risk.v1")
public record RpoAtRiskEvent(
        String backupId,
        String database,
        Instant newestGoodSnapshotAt,
        Duration rpo,
        Duration age,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
