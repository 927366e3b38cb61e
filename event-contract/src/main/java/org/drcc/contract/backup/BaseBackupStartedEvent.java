package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/**
 * A physical base backup of the protected server's cluster ({@code stanza}, pgBackRest's name for it) started, for
 * point-in-time recovery of {@code database}; it goes to the {@code repositories} (the tiers), encrypted.
 */
@JsonTypeName("dr.backup.base-backup-started.v1")
public record BaseBackupStartedEvent(
        String backupId,
        String database,
        String stanza,
        String type,
        List<String> repositories,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
