package org.drcc.notification.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.notification.policy.BackupAlertPolicy;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Backup events that the database owners must hear about become owed messages, once per event: the
 * inbox skips an event id it has seen, and the notification ids derived from it make a repeat a no-op.
 */
@Component
class BackupEventsListener {

    static final String ID = "backup-events";
    private static final ContractTypes<BackupEvent> TYPES = ContractTypes.of(BackupEvent.class);

    private final EventInbox inbox;
    private final BackupAlertPolicy policy;

    BackupEventsListener(EventInbox inbox, BackupAlertPolicy policy) {
        this.inbox = inbox;
        this.policy = policy;
    }

    @KafkaListener(id = ID, topics = Topics.BACKUP_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        String eventId = CloudEventRecords.eventId(record);
        inbox.consume(record, TYPES, event -> policy.on(event, eventId));
    }
}
