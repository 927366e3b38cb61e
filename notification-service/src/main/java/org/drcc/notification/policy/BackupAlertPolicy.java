package org.drcc.notification.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.drcc.contract.backup.BackupCopyAbandonedEvent;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.RetentionHaltedEvent;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.backup.RpoRecoveredEvent;
import org.drcc.notification.plan.PlanInForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * RPO at risk, back within RPO, a failed verification, a halted retention and a tier copy given up owe one
 * message to every contact of the database's owners in the plan. Each message is a Notification like an incident's, keyed by
 * {@link #subject(String)} instead of an incident id (so PagerDuty and Opsgenie fold the alerts of one
 * database into one), with an id derived from the backup event's id: a redelivered event alerts once.
 */
@Component
public class BackupAlertPolicy {

    private static final Logger log = LoggerFactory.getLogger(BackupAlertPolicy.class);

    private final PlanInForce plan;
    private final OwnerMessages messages;

    BackupAlertPolicy(PlanInForce plan, OwnerMessages messages) {
        this.plan = plan;
        this.messages = messages;
    }

    /** What the delivery list is kept under for a database: {@code GET /api/databases/{database}/notifications}. */
    static String subject(String database) {
        return "database:" + database;
    }

    public void on(BackupEvent event, String eventId) {
        kind(event).ifPresent(kind -> {
            var owners = plan.get().ownersOf(event.database());
            if (owners.isEmpty()) {
                log.warn("{} about database {} (event {}): the plan names no owners of it, nobody is told", kind,
                        event.database(), eventId);
            }
            messages.tell(owners, subject(event.database()), kind, eventId, values(event), event.occurredAt());
        });
    }

    static Optional<String> kind(BackupEvent event) {
        if (event instanceof RpoAtRiskEvent) {
            return Optional.of("rpo-at-risk");
        } else if (event instanceof RpoRecoveredEvent) {
            return Optional.of("rpo-recovered");
        } else if (event instanceof BackupVerificationFailedEvent) {
            return Optional.of("backup-verification-failed");
        } else if (event instanceof RetentionHaltedEvent) {
            return Optional.of("retention-halted");
        } else if (event instanceof BackupCopyAbandonedEvent) {
            return Optional.of("backup-copy-abandoned");
        }
        return Optional.empty();
    }

    static Map<String, Object> values(BackupEvent event) {
        Map<String, Object> values = new HashMap<>();
        values.put("database", event.database());
        values.put("backupId", event.backupId());
        values.put("actor", event.actor());
        values.put("occurredAt", event.occurredAt());
        if (event instanceof RpoAtRiskEvent e) {
            values.put("rpo", e.rpo());
            values.put("age", e.age());
            values.put("newestGoodSnapshotAt", e.newestGoodSnapshotAt());
        } else if (event instanceof RpoRecoveredEvent e) {
            values.put("rpo", e.rpo());
            values.put("newestGoodSnapshotAt", e.newestGoodSnapshotAt());
        } else if (event instanceof BackupVerificationFailedEvent e) {
            values.put("check", e.check());
            values.put("detail", e.detail());
        } else if (event instanceof RetentionHaltedEvent e) {
            values.put("reason", e.reason());
            values.put("clockAt", e.clockAt());
            values.put("referenceAt", e.referenceAt());
        } else if (event instanceof BackupCopyAbandonedEvent e) {
            values.put("copyTier", e.tier());
            values.put("bucket", e.bucket());
            values.put("attempts", e.attempts());
            values.put("lastCause", e.lastCause());
        }
        return values;
    }
}
