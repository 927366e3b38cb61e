package org.drcc.metrics.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.metrics.query.IncidentFacts;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects incident events into the facts the metrics are computed from, once per event. */
@Component
class IncidentEventsListener {

    private static final ContractTypes<IncidentEvent> TYPES = ContractTypes.of(IncidentEvent.class);

    private final EventInbox inbox;
    private final IncidentFacts facts;

    IncidentEventsListener(EventInbox inbox, IncidentFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(record, TYPES, event -> {
            if (event instanceof IncidentDeclaredEvent declared) {
                facts.declared(declared);
            }
        });
    }
}
