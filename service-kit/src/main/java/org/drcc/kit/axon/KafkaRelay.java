package org.drcc.kit.axon;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.drcc.kit.correlation.Correlation;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Relays stored events to Kafka by their routes. It is a tracking processor over the event store: its
 * position only advances once Kafka acknowledged the record, so an event stored while Kafka is down is
 * published when Kafka returns (at least once; consumers dedupe on ce_id). Events no route takes are passed over.
 * The correlation id an event carries ({@link Correlation}) goes along as a record header.
 */
@ProcessingGroup(KafkaRelay.GROUP)
class KafkaRelay {

    /** The name under which existing databases keep the relay's tracking token. */
    static final String GROUP = "kafka-relay";

    private final KafkaTemplate<String, String> kafka;
    private final CloudEventRecords records;
    private final List<RelayRoute<?>> routes;

    KafkaRelay(KafkaTemplate<String, String> kafka, CloudEventRecords records, List<RelayRoute<?>> routes) {
        this.kafka = kafka;
        this.records = records;
        this.routes = routes;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) throws Exception {
        for (RelayRoute<?> route : routes) {
            if (route.type().isInstance(event)) {
                ProducerRecord<String, String> record = records.toRecord(route.topic(), route.keyOf(event),
                        message.getIdentifier(), message.getTimestamp(), event);
                if (message.getMetaData().get(Correlation.METADATA_KEY) instanceof String id) {
                    record.headers().add(Correlation.KAFKA_HEADER, id.getBytes(StandardCharsets.UTF_8));
                }
                kafka.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }
}
