package org.drcc.backup.kafka;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.backup.RpoRecoveredEvent;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Relays stored backup events to {@code dr.backup.events}, keyed by backup id. A tracking processor
 * over the event store: its position advances only once Kafka acknowledged the record, so an event
 * stored while Kafka is down is published when Kafka returns (at least once; consumers dedupe on ce_id).
 */
@Component
@ProcessingGroup(BackupEventRelay.GROUP)
class BackupEventRelay {

    static final String GROUP = "kafka-relay";

    private final KafkaTemplate<String, String> kafka;
    private final CloudEventRecords records;

    BackupEventRelay(KafkaTemplate<String, String> kafka, CloudEventRecords records) {
        this.kafka = kafka;
        this.records = records;
    }

    @EventHandler
    void on(BackupEvent event, EventMessage<?> message) throws Exception {
        kafka.send(records.toRecord(Topics.BACKUP_EVENTS, key(event), message.getIdentifier(),
                message.getTimestamp(), event)).get(30, TimeUnit.SECONDS);
    }

    /** A backup's events are keyed by backup; a database's RPO alerts by database, to stay in order. */
    private static String key(BackupEvent event) {
        if (event instanceof RpoAtRiskEvent risk) {
            return risk.database();
        }
        if (event instanceof RpoRecoveredEvent recovered) {
            return recovered.database();
        }
        return event.backupId();
    }
}
