package org.drcc.contract.audit;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * After an {@link ArchiveRetentionNotHonouredEvent}: a later read-back shows the store keeps the Object Lock
 * retention again, on {@code objectKey} first. Objects written in between stay unlocked; the Kafka key is the bucket.
 *
 * @param retentionMode the mode asked for, {@code COMPLIANCE}
 * @param retainUntil   the retain-until date asked for
 * @param readBack      what the store read back, in words
 */
@JsonTypeName("dr.audit.archive-retention-honoured.v1")
public record ArchiveRetentionHonouredEvent(
        String bucket,
        String objectKey,
        String retentionMode,
        Instant retainUntil,
        String readBack,
        String actor,
        Instant occurredAt) implements AuditEvent {
}
