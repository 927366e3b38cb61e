package org.drcc.backup.web;

import java.time.Duration;
import java.time.Instant;
import org.drcc.backup.retention.RetentionPolicy;

/**
 * A protected database's policy, and whether its RPO is met now: its newest completed backup is
 * younger than the RPO. The credentials are never shown.
 */
public record PolicyView(
        String database,
        boolean critical,
        String schedule,
        Duration rpo,
        RetentionPolicy retention,
        Instant lastCompletedBackupAt,
        boolean rpoMet) {
}
