package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The backup was restored into a scratch database whose tables match the manifest. */
@JsonTypeName("dr.backup.verified.v1")
public record BackupVerifiedEvent(
        String backupId,
        String database,
        String scratchDatabase,
        int tablesChecked,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
