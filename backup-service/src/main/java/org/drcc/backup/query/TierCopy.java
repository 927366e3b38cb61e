package org.drcc.backup.query;

import java.time.Instant;

/**
 * The backup's copy in a tier: COPIED with the SHA-256 read back, FAILED with the last cause (retried
 * until its attempts run out), or ABANDONED (given up: no copy, no more attempts). {@code attempts}
 * counts the failed attempts; {@code copiedAt} is the time of the latest outcome.
 */
public record TierCopy(String tier, String bucket, String status, String sha256, String failure, int attempts,
                       Instant copiedAt, Instant abandonedAt) {
}
