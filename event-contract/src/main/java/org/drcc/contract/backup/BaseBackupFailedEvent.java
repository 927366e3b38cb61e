package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * The base backup to the tier {@code repository} failed (null: before any repository was tried): {@code reason} is
 * pgBackRest's error, which names no secret (the tool redacts them).
 */
@JsonTypeName("dr.backup.base-backup-failed.v1")
public record BaseBackupFailedEvent(
        String backupId,
        String database,
        String stanza,
        String repository,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
