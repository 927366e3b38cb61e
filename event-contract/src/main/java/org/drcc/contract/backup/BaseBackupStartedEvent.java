package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/**
 * A physical base backup of the protected server's cluster ({@code stanza}, pgBackRest's name for it) started, for
 * point-in-time recovery of {@code database}; it goes to the {@code repositories} (the tiers), encrypted. With
 * {@code adoptsSystemIdentifier}, the base backup first upgrades the stanza to that cluster, a replacement server the
 * operator confirmed, from the cluster {@code previousSystemIdentifier} (the lost one, whose base backups and WAL stay
 * as the stanza's prior database): the day after the protected server was lost. Both null for every other base backup,
 * and in events stored before adoption existed.
 */
@JsonTypeName("dr.backup.base-backup-started.v1")
public record BaseBackupStartedEvent(
        String backupId,
        String database,
        String stanza,
        String type,
        List<String> repositories,
        String adoptsSystemIdentifier,
        String previousSystemIdentifier,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
