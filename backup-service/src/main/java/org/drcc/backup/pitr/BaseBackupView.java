package org.drcc.backup.pitr;

import java.time.Instant;

/**
 * A base backup in one tier's repository: {@code COMPLETED} (restorable to any instant from {@code consistentAt}
 * on), {@code FAILED} (why) or {@code EXPIRED}.
 */
public record BaseBackupView(String backupId, String repository, String database, String label, String status,
                             Instant startedAt, Instant consistentAt, Long sizeBytes, String failure,
                             Instant recordedAt, Instant expiredAt) {
}
