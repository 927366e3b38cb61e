package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;

/**
 * The newest good backup of a database at {@code asOf}. {@code backupId}, {@code pointInTime} and
 * {@code age} are null when the database has no good backup; {@code rpo} is null when unknown.
 */
public record NewestGoodBackup(
        String database,
        String backupId,
        Instant pointInTime,
        Duration age,
        Duration rpo,
        RpoStatus status) {

    public enum RpoStatus {
        /** Age within the RPO. */
        WITHIN_RPO,
        /** Older than the RPO, or no good backup at all while an RPO is known. */
        OLDER_THAN_RPO,
        /** The database's RPO is not known. */
        UNKNOWN
    }
}
