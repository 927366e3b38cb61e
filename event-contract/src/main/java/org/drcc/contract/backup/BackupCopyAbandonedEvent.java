package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * Every attempt to copy the backup to a tier failed: the backup has no copy in that tier and nothing
 * will try again by itself. Recorded once per backup and tier; a later copy is still a copied event.
 */
@JsonTypeName("dr.backup.copy-abandoned.v1")
public record BackupCopyAbandonedEvent(
        String backupId,
        String database,
        String tier,
        String bucket,
        int attempts,
        String lastCause,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
