package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * The dump is stored encrypted (client-side envelope encryption, {@code algorithm}): restoring it needs the
 * key-encryption key named {@code keyId}. Recorded just before {@link BackupCompletedEvent}; a backup without it is
 * stored unencrypted. Names the key, never holds key material.
 */
@JsonTypeName("dr.backup.encrypted.v1")
public record BackupEncryptedEvent(
        String backupId,
        String database,
        String keyId,
        String algorithm,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
