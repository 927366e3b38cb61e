package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * Retention of a database deleted nothing because the service's clock cannot be trusted: it read
 * {@code clockAt}, which contradicts {@code referenceAt} (see {@code reason}). {@code backupId} is the
 * database's newest completed backup (null if there is none); the event is keyed by the database.
 */
@JsonTypeName("dr.backup.retention-halted.v1")
public record RetentionHaltedEvent(
        String backupId,
        String database,
        String reason,
        Instant clockAt,
        Instant referenceAt,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
