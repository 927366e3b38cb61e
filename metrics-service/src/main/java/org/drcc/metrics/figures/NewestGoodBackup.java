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

    /**
     * The database's newest good backup ({@code backupId} and {@code pointInTime} null when it has none) aged at
     * {@code now} and compared with its RPO: an age equal to the RPO is within it, no good backup is older than any.
     */
    public static NewestGoodBackup of(String database, String backupId, Instant pointInTime, Duration rpo,
                                      Instant now) {
        Duration age = pointInTime == null ? null : Duration.between(pointInTime, now);
        RpoStatus status = rpo == null ? RpoStatus.UNKNOWN
                : age == null || age.compareTo(rpo) > 0 ? RpoStatus.OLDER_THAN_RPO : RpoStatus.WITHIN_RPO;
        return new NewestGoodBackup(database, backupId, pointInTime, age, rpo, status);
    }
}
