package org.drcc.notification.query;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.notification.NotificationAcknowledgedEvent;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationEscalatedEvent;
import org.drcc.contract.notification.NotificationFailedEvent;
import org.drcc.contract.notification.NotificationRetryScheduledEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.contract.notification.NotificationSentEvent;
import org.drcc.notification.command.DeliveryAttemptStartedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code notification_delivery}; a subscribing processor, so it commits with the events. */
@Component
@ProcessingGroup("delivery-projection")
class DeliveryProjection {

    private static final String DECLARATION = "incident-declaration";

    private final JdbcClient jdbc;

    DeliveryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NotificationScheduledEvent e) {
        jdbc.sql("""
                        INSERT INTO notification_delivery (notification_id, incident_id, source_event_id, kind, tier,
                            audience, contact, channel, subject, status, due_at, scheduled_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)""")
                .params(e.notificationId(), e.incidentId(), e.sourceEventId(), e.kind(), e.tier(), e.audience(),
                        e.contact(), e.channel(), e.subject(), ts(e.dueAt()), ts(e.occurredAt()))
                .update();
        if (DECLARATION.equals(e.kind())) {
            // the dispatcher decides its escalation (query/Deliveries.unacknowledged); its first message enters it
            jdbc.sql("""
                            INSERT INTO declaration_undecided (source_event_id, incident_id, scheduled_at)
                            VALUES (?, ?, ?) ON CONFLICT (source_event_id) DO NOTHING""")
                    .params(e.sourceEventId(), e.incidentId(), ts(e.occurredAt())).update();
        }
    }

    @EventHandler
    void on(DeliveryAttemptStartedEvent e) {
        jdbc.sql("UPDATE notification_delivery SET status = 'SENDING', attempts = ? WHERE notification_id = ?")
                .params(e.attempt(), e.notificationId()).update();
    }

    @EventHandler
    void on(NotificationSentEvent e) {
        // a message only logged reached nobody: it is not delivered, whatever the channel accepted
        jdbc.sql("UPDATE notification_delivery SET status = ?, attempts = ?, sent_at = ?, next_attempt_at = NULL"
                        + " WHERE notification_id = ?")
                .params("log".equals(e.channel()) ? "NOT_DELIVERED" : "SENT", e.attempt(), ts(e.occurredAt()),
                        e.notificationId()).update();
    }

    @EventHandler
    void on(NotificationRetryScheduledEvent e) {
        jdbc.sql("UPDATE notification_delivery SET status = 'RETRYING', attempts = ?, last_error = ?, "
                        + "next_attempt_at = ? WHERE notification_id = ?")
                .params(e.attempt(), e.cause(), ts(e.nextAttemptAt()), e.notificationId()).update();
    }

    @EventHandler
    void on(NotificationFailedEvent e) {
        jdbc.sql("UPDATE notification_delivery SET status = 'FAILED', attempts = ?, last_error = ?, "
                        + "next_attempt_at = NULL WHERE notification_id = ?")
                .params(e.attempts(), e.cause(), e.notificationId()).update();
    }

    @EventHandler
    void on(NotificationDeadlineMetEvent e) {
        deadline(e.notificationId(), "MET");
    }

    @EventHandler
    void on(NotificationDeadlineBreachedEvent e) {
        deadline(e.notificationId(), "BREACHED");
    }

    @EventHandler
    void on(NotificationAcknowledgedEvent e) {
        jdbc.sql("UPDATE notification_delivery SET acknowledged_by = ?, acknowledged_at = ? WHERE notification_id = ?")
                .params(e.actor(), ts(e.occurredAt()), e.notificationId()).update();
    }

    @EventHandler
    void on(NotificationEscalatedEvent e) {
        jdbc.sql("INSERT INTO notification_escalation (source_event_id, incident_id, escalated_at) VALUES (?, ?, ?)")
                .params(e.sourceEventId(), e.incidentId(), ts(e.occurredAt())).update();
    }

    private void deadline(String notificationId, String outcome) {
        jdbc.sql("UPDATE notification_delivery SET deadline = ? WHERE notification_id = ?")
                .params(outcome, notificationId).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
