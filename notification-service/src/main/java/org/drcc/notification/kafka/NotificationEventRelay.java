package org.drcc.notification.kafka;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.drcc.contract.Topics;
import org.drcc.contract.notification.NotificationEvent;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Relays stored notification events to {@code dr.notification.events}, keyed by incident id so one
 * incident's messages stay in order. A tracking processor: it advances only after Kafka acknowledged.
 */
@Component
@ProcessingGroup(NotificationEventRelay.GROUP)
class NotificationEventRelay {

    static final String GROUP = "kafka-relay";

    private final KafkaTemplate<String, String> kafka;
    private final CloudEventRecords records;

    NotificationEventRelay(KafkaTemplate<String, String> kafka, CloudEventRecords records) {
        this.kafka = kafka;
        this.records = records;
    }

    @EventHandler
    void on(NotificationEvent event, EventMessage<?> message) throws Exception {
        kafka.send(records.toRecord(Topics.NOTIFICATION_EVENTS, event.incidentId(), message.getIdentifier(),
                message.getTimestamp(), event)).get(30, TimeUnit.SECONDS);
    }
}
