package org.drcc.backup.query;

import java.time.Instant;

/** The backup's copy in a tier: COPIED with the SHA-256 read back, or FAILED with the cause. */
public record TierCopy(String tier, String bucket, String status, String sha256, String failure, Instant copiedAt) {
}
