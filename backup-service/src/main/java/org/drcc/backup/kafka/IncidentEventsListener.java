package org.drcc.backup.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.backup.query.IncidentHolds;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.ContractTypes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A declared incident puts a hold on the backups, once per event. */
@Component
class IncidentEventsListener {

    private static final ContractTypes<IncidentEvent> TYPES = ContractTypes.of(IncidentEvent.class);

    private final EventInbox inbox;
    private final IncidentHolds holds;

    IncidentEventsListener(EventInbox inbox, IncidentHolds holds) {
        this.inbox = inbox;
        this.holds = holds;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(record, TYPES, event -> {
            if (event instanceof IncidentDeclaredEvent declared) {
                holds.hold(declared);
            }
        });
    }
}
