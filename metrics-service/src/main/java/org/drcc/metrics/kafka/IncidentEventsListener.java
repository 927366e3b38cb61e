package org.drcc.metrics.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects incident, backup, notification, plan (maintenance window, SLA) and drill events into the facts the metrics
 * are computed from, once per event. Incident events have a consumer of their own: with one consumer for all five
 * topics, a declaration waited behind the messages of the incidents before it (each message is several
 * notification events, each applied in its own transaction), and metrics-service learnt of an incident last of the
 * three consumers (the end-to-end benchmark). The two write different facts, so neither waits for the other.
 */
@Component
class IncidentEventsListener {

    private final ProjectedEvents events;

    IncidentEventsListener(ProjectedEvents events) {
        this.events = events;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "${spring.application.name}")
    void onIncident(ConsumerRecord<String, String> record) {
        events.consume(record);
    }

    @KafkaListener(topics = {Topics.BACKUP_EVENTS, Topics.NOTIFICATION_EVENTS,
            Topics.PLAN_EVENTS, Topics.DRILL_EVENTS}, groupId = "${spring.application.name}")
    void onOthers(ConsumerRecord<String, String> record) {
        events.consume(record);
    }
}
