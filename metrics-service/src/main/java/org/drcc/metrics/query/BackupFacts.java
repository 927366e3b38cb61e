package org.drcc.metrics.query;

import static org.drcc.metrics.query.IncidentFacts.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drcc.metrics.figures.BackupFact;
import org.drcc.metrics.figures.NotificationFact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * backup_fact, database_rpo and notification_fact. Every write sets columns (never adds), so an event
 * applied twice, or events in another order, leave the same rows.
 */
@Repository
public class BackupFacts {

    private final JdbcClient jdbc;

    BackupFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the backup's row from the database any of its events carries, then sets {@code column}. */
    void backup(String backupId, String database, String column, Instant at) {
        jdbc.sql("INSERT INTO backup_fact (backup_id, database) VALUES (?, ?) ON CONFLICT (backup_id) DO NOTHING")
                .params(backupId, database).update();
        // column is a constant of the projection, never request input.
        jdbc.sql("UPDATE backup_fact SET " + column + " = ? WHERE backup_id = ?").params(ts(at), backupId).update();
    }

    /** The latest RPO by event time wins. */
    void rpo(String database, Duration rpo, Instant at) {
        jdbc.sql("""
                        INSERT INTO database_rpo (database, rpo_seconds, rpo_at) VALUES (?, ?, ?)
                        ON CONFLICT (database) DO UPDATE SET rpo_seconds = excluded.rpo_seconds,
                            rpo_at = excluded.rpo_at WHERE database_rpo.rpo_at <= excluded.rpo_at""")
                .params(database, rpo.toSeconds(), ts(at)).update();
    }

    void notification(String notificationId, String tier, Instant dueAt, String column, Instant at) {
        jdbc.sql("""
                        INSERT INTO notification_fact (notification_id, tier, due_at) VALUES (?, ?, ?)
                        ON CONFLICT (notification_id) DO NOTHING""")
                .params(notificationId, tier, ts(dueAt)).update();
        jdbc.sql("UPDATE notification_fact SET " + column + " = ? WHERE notification_id = ?")
                .params(ts(at), notificationId).update();
    }

    public List<BackupFact> backups() {
        return jdbc.sql("SELECT * FROM backup_fact ORDER BY backup_id").query(BackupFacts::backup).list();
    }

    public Map<String, Duration> rpos() {
        Map<String, Duration> rpos = new LinkedHashMap<>();
        jdbc.sql("SELECT database, rpo_seconds FROM database_rpo ORDER BY database")
                .query(rs -> {
                    rpos.put(rs.getString(1), Duration.ofSeconds(rs.getLong(2)));
                });
        return rpos;
    }

    public List<String> databases() {
        return jdbc.sql("SELECT database FROM backup_fact UNION SELECT database FROM database_rpo")
                .query(String.class).list();
    }

    public List<NotificationFact> notifications() {
        return jdbc.sql("SELECT * FROM notification_fact ORDER BY notification_id")
                .query((rs, n) -> new NotificationFact(rs.getString("notification_id"), rs.getString("tier"),
                        instant(rs, "due_at"), instant(rs, "met_at"), instant(rs, "breached_at")))
                .list();
    }

    public List<String> tiers() {
        return jdbc.sql("SELECT DISTINCT tier FROM notification_fact").query(String.class).list();
    }

    /** Forgets every fact, for a replay from the beginning of the topics. */
    void deleteAll() {
        jdbc.sql("DELETE FROM backup_fact").update();
        jdbc.sql("DELETE FROM database_rpo").update();
        jdbc.sql("DELETE FROM notification_fact").update();
    }

    private static BackupFact backup(ResultSet rs, int row) throws SQLException {
        return new BackupFact(rs.getString("backup_id"), rs.getString("database"), instant(rs, "started_at"),
                instant(rs, "completed_at"), instant(rs, "snapshot_at"), instant(rs, "failed_at"),
                instant(rs, "verified_at"), instant(rs, "verification_failed_at"), instant(rs, "expired_at"));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
