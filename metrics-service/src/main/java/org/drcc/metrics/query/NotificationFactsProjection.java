package org.drcc.metrics.query;

import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationEvent;
import org.springframework.stereotype.Component;

/** Projects the deadline verdicts of notifications into notification_fact; other notification events are ignored. */
@Component
public class NotificationFactsProjection {

    private final BackupFacts facts;

    NotificationFactsProjection(BackupFacts facts) {
        this.facts = facts;
    }

    public void apply(NotificationEvent event) {
        if (event instanceof NotificationDeadlineMetEvent e) {
            facts.notification(e.notificationId(), e.tier(), e.dueAt(), "met_at", e.occurredAt());
        } else if (event instanceof NotificationDeadlineBreachedEvent e) {
            facts.notification(e.notificationId(), e.tier(), e.dueAt(), "breached_at", e.occurredAt());
        }
    }
}
