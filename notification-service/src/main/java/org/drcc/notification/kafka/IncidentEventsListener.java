package org.drcc.notification.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.notification.query.NotificationPlanner;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A declared incident sets the communication plan's clock running, once per event. */
@Component
class IncidentEventsListener {

    private static final ContractTypes<IncidentEvent> TYPES = ContractTypes.of(IncidentEvent.class);

    private final EventInbox inbox;
    private final NotificationPlanner planner;

    IncidentEventsListener(EventInbox inbox, NotificationPlanner planner) {
        this.inbox = inbox;
        this.planner = planner;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(record, TYPES, event -> {
            if (event instanceof IncidentDeclaredEvent declared) {
                planner.planDeclaration(declared);
            }
        });
    }
}
