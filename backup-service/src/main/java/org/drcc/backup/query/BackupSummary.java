package org.drcc.backup.query;

import java.time.Instant;

/**
 * A backup as listed. {@code snapshotAt} is its restore point; {@code verification} is UNVERIFIED,
 * VERIFIED or FAILED, with the failed check and why. {@code encryptionKeyId} names the key-encryption key its dump
 * is encrypted with (never the key); null: stored unencrypted.
 */
public record BackupSummary(
        String backupId,
        String database,
        String status,
        String actor,
        String bucket,
        String objectKey,
        Instant startedAt,
        Instant completedAt,
        Instant snapshotAt,
        Long durationMs,
        Long sizeBytes,
        String sha256,
        String serverVersion,
        String failure,
        String verification,
        Instant verifiedAt,
        String verificationCheck,
        String verificationDetail,
        Instant expiredAt,
        String expiryReason,
        String encryptionKeyId) {
}
