package org.drcc.backup.pitr;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.backup.BaseBackupCompletedEvent;
import org.drcc.contract.backup.BaseBackupExpiredEvent;
import org.drcc.contract.backup.BaseBackupFailedEvent;
import org.drcc.contract.backup.PointInTimeRestoreFailedEvent;
import org.drcc.contract.backup.PointInTimeRestoreStartedEvent;
import org.drcc.contract.backup.PointInTimeRestoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The point-in-time recovery events into the read model, in the transaction that stores them (the backups'
 * subscribing group): a second running restore into the same database fails on its unique index and is refused.
 */
@Component
@ProcessingGroup("backup-projection")
class PitrProjection {

    private final JdbcClient jdbc;

    PitrProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BaseBackupCompletedEvent e) {
        jdbc.sql("INSERT INTO base_backup (backup_id, repository, database_name, label, status, started_at, consistent_at, "
                        + "size_bytes, recorded_at) VALUES (?, ?, ?, ?, 'COMPLETED', ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(e.backupId(), e.repository(), e.database(), e.label(), ts(e.backupStartedAt()),
                        ts(e.consistentAt()), e.sizeBytes(), ts(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(BaseBackupFailedEvent e) {
        jdbc.sql("INSERT INTO base_backup (backup_id, repository, database_name, status, failure, recorded_at) "
                        + "VALUES (?, ?, ?, 'FAILED', ?, ?) ON CONFLICT DO NOTHING")
                .params(e.backupId(), e.repository() == null ? "-" : e.repository(), e.database(), e.reason(),
                        ts(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(BaseBackupExpiredEvent e) {
        jdbc.sql("UPDATE base_backup SET status = 'EXPIRED', expired_at = ? WHERE repository = ? AND label = ?")
                .params(ts(e.occurredAt()), e.repository(), e.label()).update();
    }

    @EventHandler
    void on(PointInTimeRestoreStartedEvent e) {
        jdbc.sql("INSERT INTO pitr_restore (restore_id, database_name, target_database, to_time, to_end_of_archive, "
                        + "status, started_at) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?)")
                .params(e.restoreId(), e.database(), e.targetDatabase(), ts(e.toTime()),
                        Boolean.TRUE.equals(e.toEndOfArchive()), ts(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(PointInTimeRestoredEvent e) {
        ended(jdbc.sql("UPDATE pitr_restore SET status = 'RESTORED', reached_at = ?, base_backup_label = ?, tier = ?, "
                        + "tables = ?, row_count = ?, app_checks = ?, app_checks_failing = ?, ended_at = ? "
                        + "WHERE restore_id = ? AND status = 'RUNNING'")
                .params(ts(e.reachedAt()), e.baseBackupLabel(), e.tier(), e.tables(), e.rows(), e.applicationChecks(),
                        PitrViews.failingLines(e.applicationChecksFailing()), ts(e.occurredAt()), e.restoreId())
                .update(), e.restoreId());
    }

    @EventHandler
    void on(PointInTimeRestoreFailedEvent e) {
        ended(jdbc.sql("UPDATE pitr_restore SET status = 'FAILED', failure = ?, ended_at = ? WHERE restore_id = ? "
                        + "AND status = 'RUNNING'")
                .params(e.reason(), ts(e.occurredAt()), e.restoreId()).update(), e.restoreId());
    }

    /**
     * A restore ends once: its outcome is refused (the event is not stored, {@link PitrEvents}) when it ended already,
     * as when the orphans' sweep failed a restore whose instance's lease ran out while it still ran, or the restore
     * ended just before the sweep failed it.
     */
    private static void ended(int updated, String restoreId) {
        if (updated == 0) {
            throw new RestoreEndedException("the restore " + restoreId + " is not running: it ended already");
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
