package org.drcc.metrics.figures;

import java.time.Instant;

/** What the backup events say of one backup; a null instant means that event was not seen. */
public record BackupFact(
        String backupId,
        String database,
        Instant startedAt,
        Instant completedAt,
        Instant snapshotAt,
        Instant failedAt,
        Instant verifiedAt,
        Instant verificationFailedAt,
        Instant expiredAt) {

    /** Failed wins over completed: a backup reported both ways is not trusted. */
    public boolean failed() {
        return failedAt != null;
    }

    public boolean completed() {
        return completedAt != null && failedAt == null;
    }

    /** Verification failed wins over verified. */
    public boolean verificationFailed() {
        return verificationFailedAt != null;
    }

    public boolean verified() {
        return verifiedAt != null && verificationFailedAt == null;
    }

    /**
     * Completed, proved restorable (verified, and no verification failed), not expired. A backup not yet
     * verified is not counted: a restore point that has never been restored is a hope, not a recovery point.
     */
    public boolean good() {
        return completed() && verified() && expiredAt == null;
    }

    /** The point in time the backup holds: its snapshot, else its completion. */
    public Instant pointInTime() {
        return snapshotAt != null ? snapshotAt : completedAt;
    }
}
