package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The backup did not complete; nothing of it is kept (its upload was aborted). */
@JsonTypeName("dr.backup.failed.v1")
public record BackupFailedEvent(
        String backupId,
        String database,
        String cause,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
