package org.drcc.contract.audit;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * A scheduled verification found one copy of the audit archive broken: the first break, by kind and object (a
 * segment changed or missing, a checkpoint missing or forged, the chain broken). Published at every verification
 * that finds it so; the Kafka key is the bucket. A store that cannot be read is not a break, and says nothing here:
 * the archive's health and {@code dr_audit_archive_failing} say it.
 *
 * @param copy            which copy: {@code primary} or {@code offsite}
 * @param breakKind       {@code CHANGED_SEGMENT}, {@code MISSING_SEGMENT}, {@code MISSING_CHECKPOINT},
 *                        {@code FORGED_CHECKPOINT} or {@code CHAIN_BROKEN}
 * @param breakObject     the object key where it was found, or the partition's prefix when the chain ends before the
 *                        offsets the archiver committed
 * @param detail          what is wrong there, in words
 * @param segmentsChecked the segments checked
 * @param eventsChecked   the events in them
 */
@JsonTypeName("dr.audit.archive-verification-failed.v1")
public record ArchiveVerificationFailedEvent(
        String bucket,
        String copy,
        String breakKind,
        String breakObject,
        String detail,
        long segmentsChecked,
        long eventsChecked,
        String actor,
        Instant occurredAt) implements AuditEvent {
}
