package org.drcc.incident.kafka;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Relays stored incident events to {@code dr.incident.events}. It is a tracking processor over the
 * event store: its position only advances once Kafka acknowledged the record, so an event stored
 * while Kafka is down is published when Kafka returns (at least once; consumers dedupe on ce_id).
 */
@Component
@ProcessingGroup(IncidentEventRelay.GROUP)
class IncidentEventRelay {

    static final String GROUP = "kafka-relay";

    private final KafkaTemplate<String, String> kafka;
    private final CloudEventRecords records;

    IncidentEventRelay(KafkaTemplate<String, String> kafka, CloudEventRecords records) {
        this.kafka = kafka;
        this.records = records;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message) throws Exception {
        kafka.send(records.toRecord(Topics.INCIDENT_EVENTS, event.incidentId(), message.getIdentifier(),
                message.getTimestamp(), event)).get(30, TimeUnit.SECONDS);
    }
}
