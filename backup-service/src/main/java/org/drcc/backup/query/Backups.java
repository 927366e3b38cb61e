package org.drcc.backup.query;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drcc.contract.backup.TableChecksum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the backups' read model. */
@Repository
public class Backups {

    private static final String SUMMARY = """
            SELECT backup_id, database_name AS database, status, actor, bucket, object_key, started_at, completed_at,
                   snapshot_at, duration_ms, size_bytes, sha256, server_version, failure, verification, verified_at,
                   verification_check, verification_detail, expired_at, expiry_reason, encryption_key_id
            FROM backup""";
    /**
     * Every column of a {@link RestoreView}, for every query of restores: one that left out {@code source} and
     * {@code passed_over} did not map, so while a restore ran, one orphaned by a stopped instance was never failed.
     */
    private static final String RESTORES = """
            SELECT restore_id, backup_id, target_database, overwrites_protected, restore_point, status, actor,
                   started_at, finished_at, failure, source, passed_over
            FROM backup_restore""";

    private final JdbcClient jdbc;

    Backups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<BackupSummary> list(BackupFilter filter) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.database() != null) {
            where.add("database_name = ?");
            params.add(filter.database());
        }
        if (filter.status() != null) {
            where.add("status = ?");
            params.add(filter.status());
        }
        if (filter.verified() != null) {
            where.add(filter.verified() ? "verification = 'VERIFIED'" : "verification <> 'VERIFIED'");
        }
        if (filter.before() != null) {
            where.add("snapshot_at < ?");
            params.add(Timestamp.from(filter.before()));
        }
        String sql = SUMMARY + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY started_at DESC LIMIT " + Math.max(1, filter.limit());
        return jdbc.sql(sql).params(params).query(BackupSummary.class).list();
    }

    public Optional<BackupSummary> summary(String backupId) {
        return jdbc.sql(SUMMARY + " WHERE backup_id = ?").param(backupId).query(BackupSummary.class).optional();
    }

    public BackupView view(String backupId) {
        BackupSummary summary = summary(backupId).orElseThrow(() -> new BackupNotFoundException(backupId));
        List<TableChecksum> tables = jdbc.sql("SELECT table_name AS table, row_count AS rows, md5 FROM backup_table "
                + "WHERE backup_id = ? ORDER BY table_name").param(backupId).query(TableChecksum.class).list();
        List<TierCopy> copies = jdbc.sql("SELECT tier, bucket, status, sha256, failure, attempts, copied_at, "
                        + "abandoned_at FROM backup_copy "
                + "WHERE backup_id = ? ORDER BY tier").param(backupId).query(TierCopy.class).list();
        return new BackupView(summary, tables, copies, restores(backupId));
    }

    public List<RestoreView> restores(String backupId) {
        return jdbc.sql(RESTORES + " WHERE backup_id = ? ORDER BY started_at DESC")
                .param(backupId).query(RestoreView.class).list();
    }

    /**
     * The newest good backup of {@code database}: completed, verified by restore, with a restore point. What the RPO
     * watch measures, every minute: one row, not every backup ever taken.
     */
    public Optional<BackupSummary> newestGood(String database) {
        return jdbc.sql(SUMMARY + " WHERE database_name = ? AND status = 'COMPLETED' AND verification = 'VERIFIED' "
                        + "AND snapshot_at IS NOT NULL ORDER BY snapshot_at DESC LIMIT 1")
                .param(database).query(BackupSummary.class).optional();
    }

    /** Every completed backup of {@code database}: what retention decides on. */
    public List<BackupSummary> completed(String database) {
        return jdbc.sql(SUMMARY + " WHERE database_name = ? AND status = 'COMPLETED' ORDER BY snapshot_at DESC")
                .param(database).query(BackupSummary.class).list();
    }

    /**
     * Each tier of {@code tiers} (tier to bucket) each completed backup has no proved copy in and has not given up,
     * oldest first; the tier a backup was written to (its bucket) needs no copy.
     */
    public List<MissingCopy> missingCopies(Map<String, String> tiers) {
        return jdbc.sql("""
                        SELECT b.backup_id, b.database_name AS database, b.bucket AS "from",
                               (SELECT string_agg(p.bucket, ' ' ORDER BY p.tier) FROM backup_copy p
                                WHERE p.backup_id = b.backup_id AND p.status = 'COPIED' AND p.sha256 = b.sha256) AS proven,
                               b.object_key, b.sha256, t.tier, t.bucket, COALESCE(c.attempts, 0) AS failed_attempts,
                               COALESCE(c.copied_at, b.completed_at) AS since
                        FROM backup b CROSS JOIN unnest(?::varchar[], ?::varchar[]) AS t(tier, bucket)
                        LEFT JOIN backup_copy c ON c.backup_id = b.backup_id AND c.tier = t.tier
                        WHERE b.status = 'COMPLETED' AND b.bucket <> t.bucket
                          AND (c.backup_id IS NULL OR c.status = 'FAILED')
                        ORDER BY b.completed_at, t.tier""")
                .params(tiers.keySet().toArray(String[]::new), tiers.values().toArray(String[]::new))
                .query(MissingCopy.class).list();
    }

    /** How many completed, unexpired backups have their copy in {@code tier} in {@code status} (FAILED, ABANDONED). */
    public long copiesIn(String tier, String status) {
        // the literal list lets a prepared statement's generic plan use the partial index backup_copy_missing
        return jdbc.sql("SELECT count(*) FROM backup_copy c JOIN backup b ON b.backup_id = c.backup_id "
                        + "WHERE b.status = 'COMPLETED' AND c.tier = ? AND c.status IN ('FAILED', 'ABANDONED') "
                        + "AND c.status = ?")
                .params(tier, status).query(Long.class).single();
    }

    /** Completed backups not yet proved restorable (never verified), newest first. */
    public List<BackupSummary> unverified() {
        return jdbc.sql(SUMMARY + " WHERE status = 'COMPLETED' AND verification = 'UNVERIFIED' ORDER BY snapshot_at DESC")
                .query(BackupSummary.class).list();
    }

    public Optional<BackupSummary> running(String database) {
        return jdbc.sql(SUMMARY + " WHERE database_name = ? AND status = 'RUNNING'").param(database)
                .query(BackupSummary.class).optional();
    }

    /** Every backup left RUNNING, as after a crash of the service. */
    public List<BackupSummary> allRunning() {
        return jdbc.sql(SUMMARY + " WHERE status = 'RUNNING'").query(BackupSummary.class).list();
    }

    /** A restore into {@code target} on the server of the protected {@code database} still running, if any. */
    public Optional<RestoreView> runningRestoreInto(String database, String target) {
        // the newest: two may run where they overlapped before one restore at a time was the rule
        return jdbc.sql(RESTORES + " WHERE status = 'RUNNING' AND target_database = ? "
                        + "AND backup_id IN (SELECT backup_id FROM backup WHERE database_name = ?) "
                        + "ORDER BY started_at DESC LIMIT 1")
                .params(target, database).query(RestoreView.class).optional();
    }

    /** A restore over the protected {@code database} itself still running, if any. */
    public Optional<RestoreView> runningRestoreOver(String database) {
        return jdbc.sql(RESTORES + " WHERE status = 'RUNNING' AND overwrites_protected "
                        + "AND backup_id IN (SELECT backup_id FROM backup WHERE database_name = ?) "
                        + "ORDER BY started_at DESC LIMIT 1")
                .param(database).query(RestoreView.class).optional();
    }

    /** Every restore left RUNNING. */
    public List<RestoreView> allRunningRestores() {
        return jdbc.sql(RESTORES + " WHERE status = 'RUNNING'")
                .query(RestoreView.class).list();
    }
}
