package org.drcc.metrics.query;

import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationEvent;
import org.springframework.stereotype.Component;

/**
 * Projects backup events into backup_fact and database_rpo, and the deadline verdicts of notifications into
 * notification_fact, inside the inbox's transaction. Each event sets its own column, so the order of arrival does
 * not matter. Other backup events (copies, restores, RPO recovered) and notification events are read and ignored.
 */
@Component
public class BackupFactsProjection {

    private final BackupFacts facts;

    BackupFactsProjection(BackupFacts facts) {
        this.facts = facts;
    }

    public void apply(BackupEvent event) {
        String id = event.backupId();
        String db = event.database();
        if (event instanceof BackupStartedEvent e) {
            facts.backup(id, db, "started_at", e.occurredAt());
        } else if (event instanceof BackupCompletedEvent e) {
            facts.backup(id, db, "completed_at", e.occurredAt());
            facts.backup(id, db, "snapshot_at", e.snapshotAt());
        } else if (event instanceof BackupFailedEvent e) {
            facts.backup(id, db, "failed_at", e.occurredAt());
        } else if (event instanceof BackupVerifiedEvent e) {
            facts.backup(id, db, "verified_at", e.occurredAt());
        } else if (event instanceof BackupVerificationFailedEvent e) {
            facts.backup(id, db, "verification_failed_at", e.occurredAt());
        } else if (event instanceof BackupExpiredEvent e) {
            facts.backup(id, db, "expired_at", e.occurredAt());
        } else if (event instanceof RpoAtRiskEvent e && e.rpo() != null) {
            facts.rpo(db, e.rpo(), e.occurredAt());
        }
    }

    public void apply(NotificationEvent event) {
        if (event instanceof NotificationDeadlineMetEvent e) {
            facts.notification(e.notificationId(), e.tier(), e.dueAt(), "met_at", e.occurredAt());
        } else if (event instanceof NotificationDeadlineBreachedEvent e) {
            facts.notification(e.notificationId(), e.tier(), e.dueAt(), "breached_at", e.occurredAt());
        }
    }
}
