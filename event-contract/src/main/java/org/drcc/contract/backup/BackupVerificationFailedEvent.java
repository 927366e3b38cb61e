package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * The backup could not be proved restorable. {@code check} names the check that failed
 * ({@code sha256}, {@code size}, {@code restore}, {@code row-count}, {@code table-checksum}, ...).
 */
@JsonTypeName("dr.backup.verification-failed.v1")
public record BackupVerificationFailedEvent(
        String backupId,
        String database,
        String check,
        String detail,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
