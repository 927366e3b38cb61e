package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * A base backup is in the repository of the tier {@code repository} (pgBackRest backs up to one repository at a
 * time: one event per tier, all with the run's {@code backupId}): with the WAL archived since, {@code database} can
 * be restored to any instant from {@code consistentAt} (the end of the backup) on. {@code label} is pgBackRest's.
 */
@JsonTypeName("dr.backup.base-backup-completed.v1")
public record BaseBackupCompletedEvent(
        String backupId,
        String database,
        String stanza,
        String label,
        String type,
        Instant backupStartedAt,
        Instant consistentAt,
        long sizeBytes,
        long repositorySizeBytes,
        String walStart,
        String walStop,
        String repository,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
