package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The copy to a tier could not be made, or read back with another checksum than the backup's. */
@JsonTypeName("dr.backup.copy-failed.v1")
public record BackupCopyFailedEvent(
        String backupId,
        String database,
        String tier,
        String bucket,
        String cause,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
