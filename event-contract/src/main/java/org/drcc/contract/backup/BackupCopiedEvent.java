package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A copy in another tier was read back and has the backup's SHA-256. */
@JsonTypeName("dr.backup.copied.v1")
public record BackupCopiedEvent(
        String backupId,
        String database,
        String tier,
        String bucket,
        String objectKey,
        String sha256,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
