package org.drcc.metrics.query;

import static org.drcc.metrics.query.IncidentFacts.instant;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drcc.metrics.figures.BackupFigures;
import org.drcc.metrics.figures.NewestGoodBackup;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.Rate;
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

    /**
     * Completed / (completed + failed) and verified / (verified + verification failed) over the backups started in the
     * period (a backup still running, or not checked yet, is not counted; failed wins over completed, verification
     * failed over verified), and each database's newest good backup at {@code now}.
     */
    public BackupFigures figures(Period period, Instant now) {
        List<Rate> rates = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE completed_at IS NOT NULL AND failed_at IS NULL),
                               count(*) FILTER (WHERE completed_at IS NOT NULL OR failed_at IS NOT NULL),
                               count(*) FILTER (WHERE verified_at IS NOT NULL AND verification_failed_at IS NULL),
                               count(*) FILTER (WHERE verified_at IS NOT NULL OR verification_failed_at IS NOT NULL)
                        FROM backup_fact WHERE started_at >= ? AND started_at < ?""")
                .params(ts(period.from()), ts(period.to()))
                .query((rs, n) -> List.of(Rate.of(rs.getLong(1), rs.getLong(2)), Rate.of(rs.getLong(3), rs.getLong(4))))
                .single();
        return new BackupFigures(rates.get(0), rates.get(1), newestGood(now));
    }

    /**
     * Per database seen in any backup or RPO, by name: its newest good backup (completed, verified, neither failed nor
     * expired; by the point in time it holds, not after {@code now}), against the database's RPO when known.
     */
    private List<NewestGoodBackup> newestGood(Instant now) {
        return jdbc.sql("""
                        SELECT d.database, b.backup_id, b.point_in_time, r.rpo_seconds
                        FROM (%s UNION SELECT database FROM database_rpo) d(database)
                        LEFT JOIN database_rpo r ON r.database = d.database
                        LEFT JOIN LATERAL (
                            SELECT backup_id, COALESCE(snapshot_at, completed_at) AS point_in_time FROM backup_fact
                            WHERE database = d.database AND COALESCE(snapshot_at, completed_at) <= ?
                                AND completed_at IS NOT NULL AND failed_at IS NULL AND verified_at IS NOT NULL
                                AND verification_failed_at IS NULL AND expired_at IS NULL
                            ORDER BY COALESCE(snapshot_at, completed_at) DESC, backup_id LIMIT 1) b ON true
                        ORDER BY d.database""".formatted(distinct("backup_fact", "database")))
                .param(ts(now))
                .query((rs, n) -> {
                    long seconds = rs.getLong("rpo_seconds");
                    Duration rpo = rs.wasNull() ? null : Duration.ofSeconds(seconds);
                    return NewestGoodBackup.of(rs.getString("database"), rs.getString("backup_id"),
                            instant(rs, "point_in_time"), rpo, now);
                })
                .list();
    }

    public List<String> databases() {
        return jdbc.sql(distinct("backup_fact", "database") + " UNION SELECT database FROM database_rpo")
                .query(String.class).list();
    }

    /** Per tier, by name: met / (met + breached) over the notifications due in the period; breached wins over met. */
    public Map<String, Rate> deadlinesMet(Period period) {
        Map<String, Rate> rates = new TreeMap<>();
        jdbc.sql("""
                        SELECT tier, count(*) FILTER (WHERE met_at IS NOT NULL AND breached_at IS NULL) AS met,
                               count(*) FILTER (WHERE met_at IS NOT NULL OR breached_at IS NOT NULL) AS decided
                        FROM notification_fact WHERE due_at >= ? AND due_at < ? GROUP BY tier
                        HAVING count(*) FILTER (WHERE met_at IS NOT NULL OR breached_at IS NOT NULL) > 0""")
                .params(ts(period.from()), ts(period.to()))
                .query(rs -> {
                    rates.put(rs.getString("tier"), Rate.of(rs.getLong("met"), rs.getLong("decided")));
                });
        return rates;
    }

    public List<String> tiers() {
        return jdbc.sql(distinct("notification_fact", "tier")).query(String.class).list();
    }

    /** Forgets every fact, for a replay from the beginning of the topics. */
    void deleteAll() {
        jdbc.sql("DELETE FROM backup_fact").update();
        jdbc.sql("DELETE FROM database_rpo").update();
        jdbc.sql("DELETE FROM notification_fact").update();
    }

    /**
     * The distinct values of an indexed column, each found by one lookup in its index (a loose index scan) rather than
     * by reading every row. {@code table} and {@code column} are constants of this class, never request input.
     */
    private static String distinct(String table, String column) {
        return """
                WITH RECURSIVE seen(v) AS (
                    SELECT min(%2$s) FROM %1$s
                    UNION ALL
                    SELECT (SELECT min(%2$s) FROM %1$s WHERE %2$s > seen.v) FROM seen WHERE v IS NOT NULL)
                SELECT v FROM seen WHERE v IS NOT NULL""".formatted(table, column);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
