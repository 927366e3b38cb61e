package org.drcc.incident.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.PointInTimeRestoredEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.contract.notification.NotificationSentEvent;
import org.drcc.contract.notification.StatusUpdatePublishedEvent;
import org.drcc.incident.evidence.DeliveryTicks;
import org.drcc.incident.evidence.SeenEvents;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.kafka.ContractTypes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What the other services did that can be an incident's evidence: finished restores and verifications of
 * backup-service, and the messages notification-service delivered or published on the status page. Once per event (the kit's inbox).
 */
@Component
class SuiteEventsListener {

    private static final ContractTypes<BackupEvent> BACKUP = ContractTypes.of(BackupEvent.class);
    private static final ContractTypes<NotificationEvent> NOTIFICATION = ContractTypes.of(NotificationEvent.class);

    private final EventInbox inbox;
    private final SeenEvents seen;
    private final DeliveryTicks deliveries;

    SuiteEventsListener(EventInbox inbox, SeenEvents seen, DeliveryTicks deliveries) {
        this.inbox = inbox;
        this.seen = seen;
        this.deliveries = deliveries;
    }

    @KafkaListener(topics = Topics.BACKUP_EVENTS, groupId = "${spring.application.name}")
    void onBackup(ConsumerRecord<String, String> record) {
        String eventId = CloudEventRecords.eventId(record);
        inbox.consume(record, BACKUP, event -> {
            if (event instanceof BackupRestoredEvent restored) {
                seen.restored(eventId, restored);
            } else if (event instanceof PointInTimeRestoredEvent restored) {
                seen.restoredToInstant(eventId, restored);
            } else if (event instanceof BackupVerifiedEvent verified) {
                seen.verified(eventId, verified);
            }
        });
    }

    @KafkaListener(topics = Topics.NOTIFICATION_EVENTS, groupId = "${spring.application.name}")
    void onNotification(ConsumerRecord<String, String> record) {
        String eventId = CloudEventRecords.eventId(record);
        inbox.consume(record, NOTIFICATION, event -> {
            if (event instanceof NotificationScheduledEvent scheduled) {
                seen.scheduled(scheduled);
            } else if (event instanceof NotificationSentEvent sent) {
                seen.sent(sent.notificationId(), sent.occurredAt());
                deliveries.sent(eventId, sent);
            } else if (event instanceof NotificationDeadlineMetEvent met) {
                seen.deadline(met.notificationId(), "MET", met.occurredAt());
            } else if (event instanceof NotificationDeadlineBreachedEvent breached) {
                seen.deadline(breached.notificationId(), "BREACHED", breached.occurredAt());
            } else if (event instanceof StatusUpdatePublishedEvent published) {
                deliveries.published(eventId, published);
            }
        });
    }
}
