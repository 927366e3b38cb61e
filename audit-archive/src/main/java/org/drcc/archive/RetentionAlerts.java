package org.drcc.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.drcc.contract.audit.ArchiveRetentionHonouredEvent;
import org.drcc.contract.audit.ArchiveRetentionNotHonouredEvent;
import org.drcc.contract.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says on {@code dr.audit.events} when the store stops (and starts again) keeping the Object Lock: one event
 * per transition per archiver instance, keyed by the bucket. A publish that fails is kept and retried, in
 * order and with the same CloudEvent id, at the next read-back; it never stops the archiving.
 */
class RetentionAlerts {

    static final String ACTOR = "archiver";

    /** Sends one event; throws when Kafka did not acknowledge it. */
    @FunctionalInterface
    interface Publisher {
        void publish(String key, String eventId, AuditEvent event) throws Exception;
    }

    private record Pending(String id, AuditEvent event) {
    }

    private static final Logger log = LoggerFactory.getLogger(RetentionAlerts.class);

    private final Publisher publisher;
    private final String bucket;
    private final Deque<Pending> unpublished = new ArrayDeque<>();
    /** Whether the last transition (published or not yet) was a refusal. */
    private boolean refused;

    RetentionAlerts(Publisher publisher, String bucket) {
        this.publisher = publisher;
        this.bucket = bucket;
    }

    /** Called after every read-back. */
    synchronized void note(RetentionStatus.Reading reading) {
        if (!reading.honoured() && !refused) {
            refused = true;
            unpublished.add(new Pending(UUID.randomUUID().toString(), new ArchiveRetentionNotHonouredEvent(bucket,
                    reading.object(), reading.mode(), reading.retainUntil(), reading.detail(), ACTOR, reading.at())));
        } else if (reading.honoured() && refused) {
            refused = false;
            unpublished.add(new Pending(UUID.randomUUID().toString(), new ArchiveRetentionHonouredEvent(bucket,
                    reading.object(), reading.mode(), reading.retainUntil(), reading.detail(), ACTOR, reading.at())));
        }
        flush();
    }

    /** Events not acknowledged by Kafka yet. */
    synchronized int unpublished() {
        return unpublished.size();
    }

    private void flush() {
        while (!unpublished.isEmpty()) {
            Pending next = unpublished.peek();
            try {
                publisher.publish(bucket, next.id(), next.event());
                unpublished.remove();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("audit archiver: cannot publish {} to dr.audit.events ({}); retrying at the next segment",
                        next.event().getClass().getSimpleName(), e.toString());
                return;
            }
        }
    }
}
