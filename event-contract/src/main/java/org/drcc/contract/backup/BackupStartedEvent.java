package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * A dump of the database began streaming to {@code bucket} under {@code objectKey}: the primary tier's bucket, or the
 * next tier's whose store answered when the primary's did not (the other tiers get their copy from it).
 */
@JsonTypeName("dr.backup.started.v1")
public record BackupStartedEvent(
        String backupId,
        String database,
        String bucket,
        String objectKey,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
