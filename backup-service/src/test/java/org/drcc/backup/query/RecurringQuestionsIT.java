package org.drcc.backup.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupCopyAbandonedEvent;
import org.drcc.contract.backup.BackupCopyFailedEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupRestoreStartedEvent;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The questions backup-service asks by the clock and at every read (the RPO watch's newest good backup of each
 * database, the copy gauges, the newest-first lists, the backups never verified, the running backups and restores),
 * on a real PostgreSQL holding a long history: each finds exactly its answer, and none reads a whole table for it.
 */
@WithEngines(database = "backup")
class RecurringQuestionsIT {

    /** Hourly backups of each database with history, older than the backups the test makes. */
    private static final int HOURS = 2_000;
    private static final String[] HISTORY_DATABASES = {"foodtruck", "billing", "crm"};

    private final Instant now = Instant.now();
    private DataSource db;
    private JdbcClient sql;
    private Backups backups;
    private BackupProjection projection;

    @BeforeEach
    void freshDatabase(Engines engines) {
        db = engines.postgres().newDatabase("recurring");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        sql = JdbcClient.create(db);
        backups = new Backups(sql);
        projection = new BackupProjection(sql);
    }

    @Test
    void theRecurringQuestionsFindTheirAnswerWithoutReadingTheHistory() {
        history();
        // foodtruck: the newest good backup is older than a completed one not yet verified, one whose verification
        // failed, a failed backup and a running one
        completed("ft-good", "foodtruck", 180);
        verified("ft-good");
        completed("ft-unverified", "foodtruck", 120);
        completed("ft-bad", "foodtruck", 90);
        verificationFailed("ft-bad");
        started("ft-failed", "foodtruck", 60);
        projection.on(new BackupFailedEvent("ft-failed", "foodtruck", "pg_dump failed", "scheduler", ago(59)));
        started("ft-running", "foodtruck", 10);
        // billing: a newer verified backup expired by retention does not count
        completed("bl-good", "billing", 360);
        verified("bl-good");
        completed("bl-expired", "billing", 240);
        verified("bl-expired");
        // ledger: a new database, no backup of it verified yet
        completed("ledger-bad", "ledger", 200);
        verificationFailed("ledger-bad");
        completed("ledger-unverified", "ledger", 40);

        // copies: a failed one still retried, one given up, and one given up of a backup since expired
        copied("ft-good", "secondary");
        copyFailed("ft-good", "tertiary");
        copied("ft-unverified", "secondary");
        copyFailed("ft-unverified", "tertiary");
        projection.on(new BackupCopyAbandonedEvent("ft-unverified", "foodtruck", "tertiary", "dr-backups-tertiary", 5,
                "no such bucket", "backup-service", ago(100)));
        copyFailed("bl-expired", "tertiary");
        projection.on(new BackupCopyAbandonedEvent("bl-expired", "billing", "tertiary", "dr-backups-tertiary", 5,
                "no such bucket", "backup-service", ago(200)));
        projection.on(new BackupExpiredEvent("bl-expired", "billing", "no retention rule keeps it", "scheduler", ago(30)));

        // restores: one done, one into a scratch database and one over the protected database still running
        restoreStarted("r-done", "ft-good", "drill_ft", false, 100);
        projection.on(new BackupRestoredEvent("ft-good", "foodtruck", "r-done", "drill_ft", ago(181), "primary",
                List.of(), "drill", ago(95)));
        restoreStarted("r-running", "ft-good", "scratch_ft", false, 5);
        restoreStarted("r-over", "bl-good", "billing", true, 3);
        sql.sql("ANALYZE").update(); // as autovacuum does

        new TransactionTemplate(new DataSourceTransactionManager(db)).executeWithoutResult(tx -> {
            assertThat(backups.newestGood("foodtruck")).map(BackupSummary::backupId).contains("ft-good");
            assertThat(backups.newestGood("billing")).map(BackupSummary::backupId).contains("bl-good");
            assertThat(backups.newestGood("crm")).map(BackupSummary::backupId).contains("h-crm-0");
            assertThat(backups.newestGood("ledger")).isEmpty();

            assertThat(backups.copiesIn("tertiary", "FAILED")).isEqualTo(1);
            assertThat(backups.copiesIn("tertiary", "ABANDONED")).as("the expired backup's is not counted").isEqualTo(1);
            assertThat(backups.copiesIn("secondary", "FAILED")).isZero();
            assertThat(backups.copiesIn("secondary", "ABANDONED")).isZero();

            assertThat(ids(backups.list(new BackupFilter(null, null, null, null, 3))))
                    .containsExactly("ft-running", "ledger-unverified", "ft-failed");
            assertThat(ids(backups.list(new BackupFilter(null, "EXPIRED", null, null, 1)))).containsExactly("bl-expired");
            assertThat(ids(backups.list(new BackupFilter(null, "FAILED", null, null, 2))))
                    .containsExactly("ft-failed", "h-foodtruck-7");
            assertThat(ids(backups.list(new BackupFilter("foodtruck", "COMPLETED", null, null, 1))))
                    .as("the newest completed, verified or not").containsExactly("ft-bad");
            assertThat(ids(backups.unverified())).containsExactly("ledger-unverified", "ft-unverified");
            assertThat(ids(backups.allRunning())).containsExactly("ft-running");
            assertThat(backups.running("foodtruck")).map(BackupSummary::backupId).contains("ft-running");

            assertThat(backups.allRunningRestores()).extracting(RestoreView::restoreId)
                    .containsExactlyInAnyOrder("r-running", "r-over");
            assertThat(restoreId(backups.runningRestoreInto("foodtruck", "scratch_ft"))).contains("r-running");
            assertThat(backups.runningRestoreInto("billing", "scratch_ft")).isEmpty();
            assertThat(restoreId(backups.runningRestoreOver("billing"))).contains("r-over");
            assertThat(backups.runningRestoreOver("foodtruck")).isEmpty();
            assertThat(backups.restores("ft-good")).extracting(RestoreView::restoreId)
                    .containsExactly("r-running", "r-done");

            // PostgreSQL's own count of this transaction's reads: no table read in full, and only the rows of the
            // answers (and a few passed over) fetched through an index, not the history's
            List<Map<String, Object>> reads = sql.sql("""
                    SELECT relname, seq_scan, idx_tup_fetch FROM pg_stat_xact_user_tables
                    WHERE relname IN ('backup', 'backup_copy', 'backup_restore')""").query().listOfRows();
            assertThat(reads).hasSize(3).allSatisfy(table -> {
                assertThat(((Number) table.get("seq_scan")).longValue())
                        .as("full reads of %s, %d backups of history", table.get("relname"), HOURS * 3).isZero();
                assertThat(((Number) table.get("idx_tup_fetch")).longValue())
                        .as("rows of %s read through an index", table.get("relname")).isLessThan(50);
            });
        });
    }

    /**
     * Hourly backups of three databases (a minute apart), all older than two days: completed and verified, every
     * hundredth failed, the oldest quarter expired; each one not failed copied to both other tiers, and every fourth
     * restored once.
     */
    private void history() {
        sql.sql("""
                INSERT INTO backup (backup_id, database_name, status, actor, bucket, object_key, started_at,
                    completed_at, snapshot_at, sha256, verification, verified_at, expired_at)
                SELECT 'h-' || d || '-' || n, d, s.status, 'scheduler', 'dr-backups-primary', d || '/h-' || n, t.at,
                    t.at + interval '5 minutes', CASE WHEN s.status <> 'FAILED' THEN t.at + interval '1 minute' END,
                    'sha-' || n, CASE WHEN s.status <> 'FAILED' THEN 'VERIFIED' ELSE 'UNVERIFIED' END,
                    CASE WHEN s.status <> 'FAILED' THEN t.at + interval '20 minutes' END,
                    CASE WHEN s.status = 'EXPIRED' THEN t.at + interval '30 days' END
                FROM unnest(?::varchar[]) WITH ORDINALITY AS x(d, i), generate_series(0, ? - 1) n,
                    LATERAL (SELECT ?::timestamptz - n * interval '1 hour' - i * interval '1 minute' AS at) t,
                    LATERAL (SELECT CASE WHEN n % 100 = 7 THEN 'FAILED' WHEN n >= ? * 3 / 4 THEN 'EXPIRED'
                                         ELSE 'COMPLETED' END AS status) s""")
                .params(HISTORY_DATABASES, HOURS, Timestamp.from(now.minus(Duration.ofDays(2))), HOURS).update();
        sql.sql("""
                INSERT INTO backup_copy (backup_id, tier, bucket, status, sha256, copied_at)
                SELECT b.backup_id, t.tier, 'dr-backups-' || t.tier, 'COPIED', b.sha256, b.completed_at
                FROM backup b, (VALUES ('secondary'), ('tertiary')) t(tier) WHERE b.status <> 'FAILED'""").update();
        sql.sql("""
                INSERT INTO backup_restore (restore_id, backup_id, target_database, overwrites_protected, restore_point,
                    status, actor, started_at, finished_at)
                SELECT 'hr-' || backup_id, backup_id, 'drill_' || md5(backup_id), false, snapshot_at, 'RESTORED', 'drill',
                    completed_at + interval '30 minutes', completed_at + interval '40 minutes'
                FROM backup WHERE status <> 'FAILED' AND split_part(backup_id, '-', 3)::int % 4 = 0""").update();
    }

    private Instant ago(int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private void started(String backupId, String database, int minutesAgo) {
        projection.on(new BackupStartedEvent(backupId, database, "dr-backups-primary", database + "/" + backupId,
                "scheduler", ago(minutesAgo)));
    }

    /** Started {@code minutesAgo}, its snapshot a minute later, completed four minutes after that. */
    private void completed(String backupId, String database, int minutesAgo) {
        started(backupId, database, minutesAgo);
        projection.on(new BackupCompletedEvent(backupId, database, "dr-backups-primary", database + "/" + backupId,
                1000, "sha-" + backupId, "15", ago(minutesAgo - 1), Duration.ofMinutes(5), List.of(), "scheduler",
                ago(minutesAgo - 5)));
    }

    private void verified(String backupId) {
        projection.on(new BackupVerifiedEvent(backupId, null, "scratch", 3, "scheduler", now));
    }

    private void verificationFailed(String backupId) {
        projection.on(new BackupVerificationFailedEvent(backupId, null, "row-counts", "1 table differs", "scheduler", now));
    }

    private void copied(String backupId, String tier) {
        projection.on(new BackupCopiedEvent(backupId, null, tier, "dr-backups-" + tier, backupId, "sha-" + backupId,
                "backup-service", now));
    }

    private void copyFailed(String backupId, String tier) {
        projection.on(new BackupCopyFailedEvent(backupId, null, tier, "dr-backups-" + tier, "no such bucket",
                "backup-service", now));
    }

    private void restoreStarted(String restoreId, String backupId, String target, boolean over, int minutesAgo) {
        projection.on(new BackupRestoreStartedEvent(backupId, null, restoreId, target, over, null, "drill",
                ago(minutesAgo)));
    }

    private static List<String> ids(List<BackupSummary> summaries) {
        return summaries.stream().map(BackupSummary::backupId).toList();
    }

    private static Optional<String> restoreId(Optional<RestoreView> restore) {
        return restore.map(RestoreView::restoreId);
    }
}
