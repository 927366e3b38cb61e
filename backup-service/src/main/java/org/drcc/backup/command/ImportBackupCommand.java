package org.drcc.backup.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drcc.contract.backup.TableChecksum;

/**
 * Know again a backup found in a tier's catalogue object, whose dump was read back with the catalogue's SHA-256
 * and size ({@code catalog/CatalogRebuild} checks that before sending this).
 */
public record ImportBackupCommand(
        @TargetAggregateIdentifier String backupId,
        String database,
        String tier,
        String bucket,
        String objectKey,
        long sizeBytes,
        String sha256,
        String serverVersion,
        Instant startedAt,
        Instant completedAt,
        Instant snapshotAt,
        List<TableChecksum> tables,
        RecordedVerification verification,
        String encryptionKeyId,
        String actor,
        Instant importedAt) {

    /** The last verification the catalogue recorded: UNVERIFIED (no check, no time), VERIFIED or FAILED. */
    public record RecordedVerification(String status, String check, String detail, Instant at) {
    }
}
