package org.drcc.contract.audit;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * A scheduled verification found one copy of the audit archive intact: every segment's SHA-256, each checkpoint's
 * signature, the chain between them and offsets without a gap, in every Kafka cluster's chains. The proof, kept as an
 * event, that the trail was untouched at {@code occurredAt}; the Kafka key is the bucket.
 *
 * @param copy            which copy: {@code primary}, or {@code offsite} (the copy on a store in another region)
 * @param clusters        the Kafka clusters whose chains it holds
 * @param partitions      the topic partitions checked
 * @param segmentsChecked the segments checked
 * @param eventsChecked   the events in them
 */
@JsonTypeName("dr.audit.archive-verified.v1")
public record ArchiveVerifiedEvent(
        String bucket,
        String copy,
        int clusters,
        int partitions,
        long segmentsChecked,
        long eventsChecked,
        String actor,
        Instant occurredAt) implements AuditEvent {
}
