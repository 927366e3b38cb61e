package org.drcc.backup.query;

import java.time.Instant;

/**
 * A restore of a backup: RUNNING, RESTORED or FAILED; {@code restorePoint} is when its data is from,
 * {@code source} the copy it was restored from, {@code passedOver} why the copies tried first were not used
 * (one a line).
 */
public record RestoreView(
        String restoreId,
        String backupId,
        String targetDatabase,
        boolean overwritesProtected,
        Instant restorePoint,
        String status,
        String actor,
        Instant startedAt,
        Instant finishedAt,
        String failure,
        String source,
        String passedOver) {
}
