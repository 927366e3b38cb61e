package org.drcc.backup.query;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupEncryptedEvent;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupCopyAbandonedEvent;
import org.drcc.contract.backup.BackupCopyFailedEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupImportedEvent;
import org.drcc.contract.backup.BackupRestoreFailedEvent;
import org.drcc.contract.backup.BackupRestoreStartedEvent;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.backup.TableChecksum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects the backups' events into the read model. A subscribing processor: it runs in the
 * transaction that stores the events, so the API reads its own writes and a failure here (a second
 * running backup of a database, say) refuses the command instead of being skipped.
 */
@Component
@ProcessingGroup(BackupProjection.GROUP)
class BackupProjection {

    static final String GROUP = "backup-projection";

    private final JdbcClient jdbc;

    BackupProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BackupStartedEvent e) {
        jdbc.sql("INSERT INTO backup (backup_id, database_name, status, actor, bucket, object_key, started_at) "
                        + "VALUES (?, ?, 'RUNNING', ?, ?, ?, ?)")
                .params(e.backupId(), e.database(), e.actor(), e.bucket(), e.objectKey(), ts(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(BackupEncryptedEvent e) {
        jdbc.sql("UPDATE backup SET encryption_key_id = ? WHERE backup_id = ?").params(e.keyId(), e.backupId()).update();
    }

    @EventHandler
    void on(BackupCompletedEvent e) {
        jdbc.sql("UPDATE backup SET status = 'COMPLETED', completed_at = ?, snapshot_at = ?, duration_ms = ?, "
                        + "size_bytes = ?, sha256 = ?, server_version = ? WHERE backup_id = ?")
                .params(ts(e.occurredAt()), ts(e.snapshotAt()), e.duration().toMillis(), e.sizeBytes(), e.sha256(),
                        e.serverVersion(), e.backupId())
                .update();
        for (TableChecksum t : e.tables()) {
            jdbc.sql("INSERT INTO backup_table (backup_id, table_name, row_count, md5) VALUES (?, ?, ?, ?)")
                    .params(e.backupId(), t.table(), t.rows(), t.md5()).update();
        }
    }

    /**
     * A backup known again from a tier's catalogue object: COMPLETED with its manifest and the verification the
     * catalogue recorded, its object in the tier it was found in ({@code bucket}, where verification and restore
     * read it), and that tier as its one copy known here.
     */
    @EventHandler
    void on(BackupImportedEvent e) {
        jdbc.sql("""
                        INSERT INTO backup (backup_id, database_name, status, actor, bucket, object_key, started_at,
                            completed_at, snapshot_at, size_bytes, sha256, server_version, verification, verified_at,
                            verification_check, verification_detail, encryption_key_id)
                        VALUES (?, ?, 'COMPLETED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.backupId(), e.database(), e.actor(), e.bucket(), e.objectKey(),
                        ts(e.startedAt() != null ? e.startedAt() : e.snapshotAt()), ts(e.completedAt()),
                        ts(e.snapshotAt()), e.sizeBytes(), e.sha256(), e.serverVersion(),
                        e.verification() == null ? "UNVERIFIED" : e.verification(), ts(e.verifiedAt()),
                        e.verificationCheck(), e.verificationDetail(), e.encryptionKeyId())
                .update();
        for (TableChecksum t : e.tables()) {
            jdbc.sql("INSERT INTO backup_table (backup_id, table_name, row_count, md5) VALUES (?, ?, ?, ?)")
                    .params(e.backupId(), t.table(), t.rows(), t.md5()).update();
        }
        copy(e.backupId(), e.tier(), e.bucket(), "COPIED", e.sha256(), null, e.occurredAt());
    }

    @EventHandler
    void on(BackupFailedEvent e) {
        jdbc.sql("UPDATE backup SET status = 'FAILED', completed_at = ?, failure = ? WHERE backup_id = ?")
                .params(ts(e.occurredAt()), e.cause(), e.backupId()).update();
    }

    @EventHandler
    void on(BackupCopiedEvent e) {
        copy(e.backupId(), e.tier(), e.bucket(), "COPIED", e.sha256(), null, e.occurredAt());
    }

    @EventHandler
    void on(BackupCopyFailedEvent e) {
        copy(e.backupId(), e.tier(), e.bucket(), "FAILED", null, e.cause(), e.occurredAt());
    }

    @EventHandler
    void on(BackupCopyAbandonedEvent e) {
        jdbc.sql("UPDATE backup_copy SET status = 'ABANDONED', abandoned_at = ? WHERE backup_id = ? AND tier = ?")
                .params(ts(e.occurredAt()), e.backupId(), e.tier()).update();
    }

    @EventHandler
    void on(BackupVerifiedEvent e) {
        jdbc.sql("UPDATE backup SET verification = 'VERIFIED', verified_at = ?, verification_check = NULL, "
                + "verification_detail = ? WHERE backup_id = ?")
                .params(ts(e.occurredAt()), e.tablesChecked() + " tables match the manifest", e.backupId()).update();
    }

    @EventHandler
    void on(BackupVerificationFailedEvent e) {
        jdbc.sql("UPDATE backup SET verification = 'FAILED', verified_at = ?, verification_check = ?, "
                + "verification_detail = ? WHERE backup_id = ?")
                .params(ts(e.occurredAt()), e.check(), e.detail(), e.backupId()).update();
    }

    @EventHandler
    void on(BackupExpiredEvent e) {
        jdbc.sql("UPDATE backup SET status = 'EXPIRED', expired_at = ?, expiry_reason = ? WHERE backup_id = ?")
                .params(ts(e.occurredAt()), e.reason(), e.backupId()).update();
    }

    @EventHandler
    void on(BackupRestoreStartedEvent e) {
        jdbc.sql("INSERT INTO backup_restore (restore_id, backup_id, target_database, overwrites_protected, "
                        + "restore_point, status, actor, started_at) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?)")
                .params(e.restoreId(), e.backupId(), e.targetDatabase(), e.overwritesProtected(),
                        ts(e.restorePoint()), e.actor(), ts(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(BackupRestoredEvent e) {
        jdbc.sql("UPDATE backup_restore SET status = 'RESTORED', finished_at = ?, source = ?, passed_over = ? "
                        + "WHERE restore_id = ?")
                .params(ts(e.occurredAt()), e.source(), e.passedOver() == null ? null : String.join("\n", e.passedOver()),
                        e.restoreId()).update();
    }

    @EventHandler
    void on(BackupRestoreFailedEvent e) {
        jdbc.sql("UPDATE backup_restore SET status = 'FAILED', finished_at = ?, failure = ? WHERE restore_id = ?")
                .params(ts(e.occurredAt()), e.cause(), e.restoreId()).update();
    }

    private void copy(String backupId, String tier, String bucket, String status, String sha256, String failure,
                      Instant at) {
        int failed = "FAILED".equals(status) ? 1 : 0;
        jdbc.sql("""
                        INSERT INTO backup_copy (backup_id, tier, bucket, status, sha256, failure, attempts, copied_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (backup_id, tier) DO UPDATE SET bucket = excluded.bucket, status = excluded.status,
                            sha256 = excluded.sha256, failure = excluded.failure,
                            attempts = backup_copy.attempts + excluded.attempts, copied_at = excluded.copied_at""")
                .params(backupId, tier, bucket, status, sha256, failure, failed, ts(at)).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
