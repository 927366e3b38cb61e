package org.drcc.backup.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drcc.backup.command.ImportBackupCommand.RecordedVerification;
import org.drcc.contract.backup.TableChecksum;

/**
 * Record a backup left RUNNING as what its catalogue object in {@code tier} says it is: complete, copied, verified.
 * Sent at the service's start, once the dump read with the catalogue's SHA-256 and size
 * ({@code catalog/CatalogRebuild#reconcile} checks that first).
 */
public record ReconcileBackupCommand(
        @TargetAggregateIdentifier String backupId,
        String tier,
        String bucket,
        String catalogObject,
        String objectKey,
        long sizeBytes,
        String sha256,
        String serverVersion,
        Instant startedAt,
        Instant completedAt,
        Instant snapshotAt,
        List<TableChecksum> tables,
        RecordedVerification verification,
        List<RecordedCopy> copies,
        String encryptionKeyId,
        String encryptionAlgorithm,
        String actor,
        Instant reconciledAt) {

    /** A tier the catalogue says holds the dump, and since when. */
    public record RecordedCopy(String tier, String bucket, Instant at) {
    }
}
