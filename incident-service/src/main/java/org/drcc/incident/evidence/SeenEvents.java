package org.drcc.incident.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.backup.PointInTimeRestoredEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events of backup-service and notification-service that can become evidence, as this service saw them on
 * Kafka (written in the inbox's transaction: once per event). Only ids, times and names of tiers and channels:
 * no contact and no message text.
 */
@Repository
public class SeenEvents {

    private final JdbcClient jdbc;

    SeenEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A finished restore, by its restore id. */
    public record SeenRestore(String restoreId, String eventId, String backupId, String database,
                              String targetDatabase, Instant restorePoint, String source, Instant occurredAt,
                              String eventType) {
    }

    /** A verification of a backup by restore against its manifest. */
    public record SeenVerification(String eventId, String backupId, String database, int tablesChecked,
                                   Instant occurredAt) {
    }

    public void restored(String eventId, BackupRestoredEvent e) {
        jdbc.sql("""
                        INSERT INTO seen_backup_restore (restore_id, event_id, backup_id, database, target_database,
                            restore_point, source, occurred_at)
                        VALUES (:restoreId, :eventId, :backupId, :database, :target, :restorePoint, :source, :at)
                        ON CONFLICT (restore_id) DO NOTHING""")
                .param("restoreId", e.restoreId()).param("eventId", eventId).param("backupId", e.backupId())
                .param("database", e.database()).param("target", e.targetDatabase())
                .param("restorePoint", ts(e.restorePoint())).param("source", e.source()).param("at", ts(e.occurredAt()))
                .update();
    }

    /**
     * A restore to an instant (point-in-time recovery): its restore point is the instant the data is from, the commit
     * time of the last transaction replayed; its "backup" the base backup the WAL was replayed on.
     */
    public void restoredToInstant(String eventId, PointInTimeRestoredEvent e) {
        jdbc.sql("""
                        INSERT INTO seen_backup_restore (restore_id, event_id, backup_id, database, target_database,
                            restore_point, source, occurred_at, event_type)
                        VALUES (:restoreId, :eventId, :backupId, :database, :target, :restorePoint, :source, :at, :type)
                        ON CONFLICT (restore_id) DO NOTHING""")
                .param("restoreId", e.restoreId()).param("eventId", eventId).param("backupId", e.baseBackupLabel())
                .param("database", e.database()).param("target", e.targetDatabase())
                .param("restorePoint", ts(e.reachedAt() != null ? e.reachedAt() : e.toTime()))
                .param("source", "base backup " + e.baseBackupLabel() + (e.tier() == null ? "" : " (" + e.tier()
                        + " tier)") + " and the WAL archive replayed to "
                        + (e.reachedAt() != null ? e.reachedAt() : e.toTime()) + ", " + e.tables()
                        + " tables' row counts checked")
                .param("at", ts(e.occurredAt())).param("type", "dr.backup.restored-to-instant.v1")
                .update();
    }

    public void verified(String eventId, BackupVerifiedEvent e) {
        jdbc.sql("""
                        INSERT INTO seen_backup_verification (event_id, backup_id, database, tables_checked, occurred_at)
                        VALUES (:eventId, :backupId, :database, :tables, :at) ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", eventId).param("backupId", e.backupId()).param("database", e.database())
                .param("tables", e.tablesChecked()).param("at", ts(e.occurredAt()))
                .update();
    }

    public void scheduled(NotificationScheduledEvent e) {
        jdbc.sql("""
                        INSERT INTO seen_notification (notification_id, incident_id, tier, audience, kind, channel, due_at)
                        VALUES (:id, :incidentId, :tier, :audience, :kind, :channel, :dueAt)
                        ON CONFLICT (notification_id) DO NOTHING""")
                .param("id", e.notificationId()).param("incidentId", e.incidentId()).param("tier", e.tier())
                .param("audience", e.audience()).param("kind", e.kind()).param("channel", e.channel())
                .param("dueAt", ts(e.dueAt()))
                .update();
    }

    public void sent(String notificationId, Instant at) {
        jdbc.sql("UPDATE seen_notification SET sent_at = :at WHERE notification_id = :id")
                .param("at", ts(at)).param("id", notificationId).update();
    }

    /** {@code outcome}: MET or BREACHED. */
    public void deadline(String notificationId, String outcome, Instant at) {
        jdbc.sql("UPDATE seen_notification SET deadline = :outcome, deadline_at = :at WHERE notification_id = :id")
                .param("outcome", outcome).param("at", ts(at)).param("id", notificationId).update();
    }

    /** A message owed for an incident, as the report shows it: delivered (not only logged) and its deadline. */
    public record IncidentMessage(String kind, String tier, String audience, String channel, Instant dueAt,
                                  Instant sentAt, String deadline) {

        public boolean delivered() {
            return sentAt != null && !SuiteDeeds.LOG_CHANNEL.equals(channel);
        }
    }

    public List<IncidentMessage> messages(String incidentId) {
        return jdbc.sql("""
                        SELECT kind, tier, audience, channel, due_at, sent_at, deadline FROM seen_notification
                        WHERE incident_id = :id ORDER BY due_at NULLS LAST, tier, audience, notification_id""")
                .param("id", incidentId)
                .query((rs, n) -> new IncidentMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7)))
                .list();
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public Optional<SeenRestore> restore(String restoreId) {
        return jdbc.sql("""
                        SELECT restore_id, event_id, backup_id, database, target_database, restore_point, source, occurred_at,
                            event_type
                        FROM seen_backup_restore WHERE restore_id = :id""")
                .param("id", restoreId)
                .query((rs, n) -> new SeenRestore(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .optional();
    }

    /** The latest verification of the backup, if any. */
    public Optional<SeenVerification> verification(String backupId) {
        return jdbc.sql("""
                        SELECT event_id, backup_id, database, tables_checked, occurred_at FROM seen_backup_verification
                        WHERE backup_id = :id ORDER BY occurred_at DESC LIMIT 1""")
                .param("id", backupId)
                .query((rs, n) -> new SeenVerification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** A scheduled notification's incident, tier, audience and channel. */
    record SeenNotification(String incidentId, String tier, String audience, String kind, String channel) {
    }

    Optional<SeenNotification> notification(String notificationId) {
        return jdbc.sql("SELECT incident_id, tier, audience, kind, channel FROM seen_notification WHERE notification_id = :id")
                .param("id", notificationId)
                .query((rs, n) -> new SeenNotification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    private static java.sql.Timestamp ts(Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }
}
