package org.drcc.metrics.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.metrics.query.IncidentFactsProjection;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects incident events into the facts the metrics are computed from, once per event. */
@Component
class IncidentEventsListener {

    static final ContractTypes<IncidentEvent> TYPES = ContractTypes.of(IncidentEvent.class);

    private final EventInbox inbox;
    private final IncidentFactsProjection projection;

    IncidentEventsListener(EventInbox inbox, IncidentFactsProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(record, TYPES, projection::apply);
    }
}
