package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/**
 * A backup this service did not know was found in a tier's catalogue object ({@code bucket}/{@code objectKey}
 * beside it) and its dump read with the catalogue's SHA-256 and size: the backup is known again, COMPLETED, with
 * the manifest and the verification the catalogue recorded ({@code verification} UNVERIFIED, VERIFIED or FAILED,
 * with the failed {@code verificationCheck}). {@code actor} is who rebuilt the catalogue, not who took the backup.
 */
@JsonTypeName("dr.backup.imported.v1")
public record BackupImportedEvent(
        String backupId,
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
        String verification,
        String verificationCheck,
        String verificationDetail,
        Instant verifiedAt,
        String encryptionKeyId,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
