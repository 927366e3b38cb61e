package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A dump of the database began streaming to the primary bucket under {@code objectKey}. */
@JsonTypeName("dr.backup.started.v1")
public record BackupStartedEvent(
        String backupId,
        String database,
        String bucket,
        String objectKey,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
