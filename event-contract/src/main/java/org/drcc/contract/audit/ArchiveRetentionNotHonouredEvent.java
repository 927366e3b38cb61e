package org.drcc.contract.audit;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * The audit archive's store did not keep the Object Lock retention asked for on {@code objectKey}: the
 * archive is written but NOT immutable. Published once when it starts (per archiver instance), and again
 * only after an {@link ArchiveRetentionHonouredEvent} in between; the Kafka key is the bucket.
 *
 * @param retentionMode the mode asked for, {@code COMPLIANCE}
 * @param retainUntil   the retain-until date asked for
 * @param readBack      what the store read back or answered instead, in words
 */
@JsonTypeName("dr.audit.archive-retention-not-honoured.v1")
public record ArchiveRetentionNotHonouredEvent(
        String bucket,
        String objectKey,
        String retentionMode,
        Instant retainUntil,
        String readBack,
        String actor,
        Instant occurredAt) implements AuditEvent {
}
