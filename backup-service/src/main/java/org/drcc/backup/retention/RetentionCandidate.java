package org.drcc.backup.retention;

import java.time.Instant;

/** A completed backup as retention sees it: when its data is from, and whether a restore proved it. */
public record RetentionCandidate(String backupId, Instant snapshotAt, boolean verified) {
}
