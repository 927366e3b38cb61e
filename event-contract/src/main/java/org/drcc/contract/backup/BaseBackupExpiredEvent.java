package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * Retention (the database's grandfather-father-son policy) expired the base backup {@code label} from the
 * tier {@code repository}, with the WAL only it needed there: no instant before the oldest remaining backup there
 * can be restored from it any more.
 */
@JsonTypeName("dr.backup.base-backup-expired.v1")
public record BaseBackupExpiredEvent(
        String backupId,
        String database,
        String stanza,
        String label,
        String repository,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
