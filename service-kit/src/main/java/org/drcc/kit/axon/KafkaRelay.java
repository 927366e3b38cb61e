package org.drcc.kit.axon;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.drcc.kit.correlation.Correlation;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Relays stored events to Kafka by their routes. It is a tracking processor over the event store: its
 * position only advances once Kafka acknowledged the records, so an event stored while Kafka is down is
 * published when Kafka returns (at least once; consumers dedupe on ce_id). Events no route takes are passed over.
 * The correlation id an event carries ({@link Correlation}) goes along as a record header.
 *
 * <p>The processor hands over its events in batches ({@link ProcessorSegments}: up to {@link #BATCH_SIZE}); every
 * event of a batch is sent at once, and the batch's unit of work waits for all of Kafka's acknowledgements before
 * it commits, and with it the new position. One that fails rolls the batch back: the position stays before it and
 * the whole batch is sent again (at least once). The order per key holds: the records go to the producer in the
 * batch's order and the producer is idempotent (the kit's defaults): its records carry sequence numbers per
 * partition, so a retry keeps their order and the broker refuses a record whose predecessor it never wrote.
 *
 * <p>A send that fails must also stop the batch's later events: sent after it, they could reach Kafka ahead of the
 * failed one's second sending and reorder its key (seen after a Kafka outage: a declaration's checklist event
 * before the declaration). A send fails on the calling thread when the producer waits {@code max.block.ms} for the
 * topic's metadata in vain; a broker back a moment later took the next event's send. So no event is sent once an
 * earlier send of its batch has failed: the handler fails instead and the batch is rolled back and sent again. What
 * remains is a failure the producer learns of later, a record batch that expires ({@code delivery.timeout.ms})
 * while a later record batch of the same partition waits behind it: if the broker is back between the two expiries
 * (the milliseconds between their creations), the later one is written ahead of the batch sent again. Only a
 * transactional producer, its batch aborted on a failure and read {@code read_committed}, would rule that out, and
 * its commit markers take offsets the audit archive's check of contiguous offsets would count as missing records.
 */
@ProcessingGroup(KafkaRelay.GROUP)
class KafkaRelay {

    /** The name under which existing databases keep the relay's tracking token. */
    static final String GROUP = "kafka-relay";
    /** The most events the relay sends before it waits for Kafka's acknowledgements. */
    static final int BATCH_SIZE = 100;
    private static final String UNACKNOWLEDGED = KafkaRelay.class.getName() + ".unacknowledged";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, String> kafka;
    private final CloudEventRecords records;
    private final List<RelayRoute<?>> routes;
    private final Serializer stored;

    /** {@code stored}: the event store's serializer, whose documents {@link CloudEventRecords} would write alike. */
    KafkaRelay(KafkaTemplate<String, String> kafka, CloudEventRecords records, List<RelayRoute<?>> routes,
               Serializer stored) {
        this.kafka = kafka;
        this.records = records;
        this.routes = routes;
        this.stored = stored;
    }

    /**
     * Sends the event's document as the event store holds it (written by the same mapper as {@link CloudEventRecords}
     * writes, its personal data sealed), without reading it into its class unless a route's key needs the event:
     * reading and writing anew every event (opening and sealing again each personal field) was most of this
     * processor's time (JFR, {@code docs/benchmarks.md}, Notifications).
     */
    @EventHandler
    void on(EventMessage<?> message) throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        Class<?> type = message.getPayloadType();
        List<RelayRoute<?>> taking = routes.stream().filter(route -> route.type().isAssignableFrom(type)).toList();
        if (taking.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> earlier = CurrentUnitOfWork.isStarted()
                ? unacknowledged(CurrentUnitOfWork.get().root()) : List.of();
        String document = message.serializePayload(stored, String.class).getData();
        Optional<String> correlationId = correlationId(message);
        for (RelayRoute<?> route : taking) {
            ProducerRecord<String, String> record = records.toRecord(route.topic(),
                    route.keyOf(document, message::getPayload), message.getIdentifier(), message.getTimestamp(),
                    type, document);
            correlationId.ifPresent(
                    id -> record.headers().add(Correlation.KAFKA_HEADER, id.getBytes(StandardCharsets.UTF_8)));
            refuseAfterAFailedSend(earlier);
            refuseAfterAFailedSend(sent);
            sent.add(kafka.send(record));
        }
        if (CurrentUnitOfWork.isStarted()) {
            earlier.addAll(sent);
        } else {
            awaitAcknowledgements(sent);
        }
    }

    /**
     * The correlation id in the event's metadata, read from the stored metadata alone: reading all of it into a map
     * was a quarter of what remained of this processor's time.
     */
    private Optional<String> correlationId(EventMessage<?> message) {
        return StoredDocuments.stringField(message.serializeMetaData(stored, String.class).getData(),
                Correlation.METADATA_KEY);
    }

    /** Fails the handler, and with it the batch, where a send made before this one has already failed. */
    private static void refuseAfterAFailedSend(List<CompletableFuture<?>> sends) throws ExecutionException {
        for (CompletableFuture<?> send : sends) {
            if (send.isCompletedExceptionally()) {
                try {
                    send.getNow(null);
                } catch (CompletionException | CancellationException e) {
                    throw new ExecutionException("an earlier event of this batch was not sent, so neither is this one "
                            + "(the batch is sent again, in order): " + e.getMessage(), e);
                }
            }
        }
    }

    /** The sends of this batch not yet acknowledged; the first call makes the batch's commit wait for them. */
    private static List<CompletableFuture<?>> unacknowledged(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(UNACKNOWLEDGED, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> {
                try {
                    awaitAcknowledgements(pending);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("Kafka did not acknowledge a relayed event: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka's acknowledgement", e);
                }
            });
            return pending;
        });
    }

    private static void awaitAcknowledgements(List<CompletableFuture<?>> sent)
            throws ExecutionException, TimeoutException, InterruptedException {
        for (CompletableFuture<?> send : sent) {
            send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
