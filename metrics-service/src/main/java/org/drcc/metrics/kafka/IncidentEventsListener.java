package org.drcc.metrics.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects incident, backup, notification, plan (maintenance window, SLA) and drill events into the facts the metrics are computed from, once per event. */
@Component
class IncidentEventsListener {

    private final ProjectedEvents events;

    IncidentEventsListener(ProjectedEvents events) {
        this.events = events;
    }

    @KafkaListener(topics = {Topics.INCIDENT_EVENTS, Topics.BACKUP_EVENTS, Topics.NOTIFICATION_EVENTS,
            Topics.PLAN_EVENTS, Topics.DRILL_EVENTS},
            groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        events.consume(record);
    }
}
