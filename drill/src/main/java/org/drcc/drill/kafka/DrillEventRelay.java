package org.drcc.drill.kafka;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.drcc.contract.Topics;
import org.drcc.contract.drill.DrillEvent;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Relays stored drill events to {@code dr.drill.events}, keyed by drill id; in the same tracking processor as the backups' relay. */
@Component
@ProcessingGroup("kafka-relay")
class DrillEventRelay {

    private final KafkaTemplate<String, String> kafka;
    private final CloudEventRecords records;

    DrillEventRelay(KafkaTemplate<String, String> kafka, CloudEventRecords records) {
        this.kafka = kafka;
        this.records = records;
    }

    @EventHandler
    void on(DrillEvent event, EventMessage<?> message) throws Exception {
        kafka.send(records.toRecord(Topics.DRILL_EVENTS, event.drillId(), message.getIdentifier(),
                message.getTimestamp(), event)).get(30, TimeUnit.SECONDS);
    }
}
