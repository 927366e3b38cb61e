package org.drcc.backup.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drcc.contract.backup.TableChecksum;

/**
 * The dump is uploaded in full: what was measured while streaming it (the stored bytes: ciphertext when encrypted),
 * its manifest, and the key id and algorithm it is encrypted with (both null: stored unencrypted).
 */
public record CompleteBackupCommand(
        @TargetAggregateIdentifier String backupId,
        long sizeBytes,
        String sha256,
        String serverVersion,
        Instant snapshotAt,
        Duration duration,
        List<TableChecksum> tables,
        Instant completedAt,
        String encryptionKeyId,
        String encryptionAlgorithm) {
}
