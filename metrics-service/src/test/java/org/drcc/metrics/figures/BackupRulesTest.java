package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupRulesTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Period NOVEMBER = new Period(T0, Instant.parse("2026-12-01T00:00:00Z"));
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static Instant at(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    static BackupFact started(String id, String db, long hours) {
        return new BackupFact(id, db, at(hours), null, null, null, null, null, null);
    }

    static BackupFact completed(String id, String db, long startedHours, long snapshotHours) {
        return new BackupFact(id, db, at(startedHours), at(snapshotHours), at(snapshotHours), null, null, null, null);
    }

    static BackupFact failed(String id, String db, long hours) {
        return new BackupFact(id, db, at(hours), null, null, at(hours + 1), null, null, null);
    }

    static BackupFact with(BackupFact b, Instant verified, Instant verificationFailed, Instant expired) {
        return new BackupFact(b.backupId(), b.database(), b.startedAt(), b.completedAt(), b.snapshotAt(),
                b.failedAt(), verified, verificationFailed, expired);
    }

    @Test
    void successRateIsNoDataForAnEmptyPeriodNeverOneHundredPercent() {
        assertThat(BackupRules.success(List.of(), NOVEMBER)).isEqualTo(new Rate(0, 0, null));
        assertThat(BackupRules.verification(List.of(), NOVEMBER)).isEqualTo(new Rate(0, 0, null));
    }

    @Test
    void successRateCountsCompletedAndFailedBackupsStartedInThePeriodOnly() {
        List<BackupFact> backups = List.of(
                completed("a", "orders", 1, 2),
                completed("b", "orders", 3, 4),
                failed("c", "orders", 5),
                started("d", "orders", 6),                                 // still running: not counted
                completed("e", "orders", -10, 2),                          // started in October
                new BackupFact("f", "orders", null, at(2), at(2), null, null, null, null)); // start unseen
        assertThat(BackupRules.success(backups, NOVEMBER)).isEqualTo(Rate.of(2, 3));
    }

    @Test
    void onlyRunningBackupsGiveNoData() {
        assertThat(BackupRules.success(List.of(started("a", "orders", 1)), NOVEMBER).ratio()).isNull();
    }

    @Test
    void aBackupReportedBothCompletedAndFailedCountsAsFailed() {
        BackupFact both = new BackupFact("a", "orders", at(1), at(2), at(2), at(3), null, null, null);
        assertThat(BackupRules.success(List.of(both), NOVEMBER)).isEqualTo(Rate.of(0, 1));
    }

    @Test
    void verificationRateCountsVerifiedAndVerificationFailedWithFailedWinning() {
        BackupFact a = with(completed("a", "orders", 1, 2), at(3), null, null);
        BackupFact b = with(completed("b", "orders", 1, 2), null, at(3), null);
        BackupFact c = with(completed("c", "orders", 1, 2), at(3), at(4), null);
        BackupFact d = completed("d", "orders", 1, 2);                           // not verified yet
        assertThat(BackupRules.verification(List.of(a, b, c, d), NOVEMBER)).isEqualTo(Rate.of(1, 3));
    }

    @Test
    void newestGoodBackupSkipsFailedUnverifiedVerificationFailedAndExpiredAndComparesWithTheRpo() {
        List<BackupFact> backups = List.of(
                verified(completed("old", "orders", 10, 11), 12),
                with(completed("bad", "orders", 20, 21), null, at(22), null),
                with(completed("gone", "orders", 30, 31), at(31), null, at(32)),
                with(completed("proved-then-not", "orders", 33, 34), at(35), at(36), null),
                completed("unproved", "orders", 35, 36),                       // never verified by restore
                failed("broken", "orders", 40),
                verified(completed("future", "orders", 10, 24 * 30), 24 * 30)); // after now: not yet
        List<NewestGoodBackup> newest = BackupRules.newestGood(backups, Map.of("orders", Duration.ofHours(24)), NOW);
        assertThat(newest).hasSize(1);
        NewestGoodBackup n = newest.get(0);
        assertThat(n.backupId()).isEqualTo("old");
        assertThat(n.age()).isEqualTo(Duration.between(at(11), NOW));
        assertThat(n.status()).isEqualTo(NewestGoodBackup.RpoStatus.OLDER_THAN_RPO);
    }

    @Test
    void aDatabaseWhoseOnlyRecentBackupIsNotYetVerifiedIsOlderThanItsRpo() {
        List<NewestGoodBackup> newest = BackupRules.newestGood(List.of(completed("fresh", "orders", 24 * 19, 24 * 19 + 11)),
                Map.of("orders", Duration.ofHours(2)), NOW);
        assertThat(newest).singleElement().satisfies(n -> {
            assertThat(n.backupId()).isNull();
            assertThat(n.status()).isEqualTo(NewestGoodBackup.RpoStatus.OLDER_THAN_RPO);
        });
    }

    @Test
    void newestGoodBackupWithinItsRpoOrUnknownWithoutOne() {
        List<BackupFact> backups = List.of(verified(completed("a", "orders", 10, 11), 12),
                verified(completed("b", "orders", 24 * 19, 24 * 19 + 11), 24 * 19 + 11),
                verified(completed("c", "users", 24 * 19, 24 * 19 + 11), 24 * 19 + 11));
        List<NewestGoodBackup> newest = BackupRules.newestGood(backups, Map.of("orders", Duration.ofHours(2)), NOW);
        assertThat(newest).extracting(NewestGoodBackup::database).containsExactly("orders", "users");
        assertThat(newest.get(0).backupId()).isEqualTo("b");
        assertThat(newest.get(0).age()).isEqualTo(Duration.ofHours(1));
        assertThat(newest.get(0).status()).isEqualTo(NewestGoodBackup.RpoStatus.WITHIN_RPO);
        assertThat(newest.get(1).rpo()).isNull();
        assertThat(newest.get(1).status()).isEqualTo(NewestGoodBackup.RpoStatus.UNKNOWN);
    }

    @Test
    void anAgeEqualToTheRpoIsWithinIt() {
        List<NewestGoodBackup> newest = BackupRules.newestGood(List.of(verified(completed("a", "orders", 1, 2), 3)),
                Map.of("orders", Duration.between(at(2), NOW)), NOW);
        assertThat(newest.get(0).status()).isEqualTo(NewestGoodBackup.RpoStatus.WITHIN_RPO);
    }

    @Test
    void aDatabaseWithoutAGoodBackupHasNoAgeAndIsOlderThanItsKnownRpo() {
        List<NewestGoodBackup> newest = BackupRules.newestGood(List.of(failed("a", "orders", 1)),
                Map.of("orders", Duration.ofHours(1), "users", Duration.ofHours(1)), NOW);
        assertThat(newest).extracting(NewestGoodBackup::database).containsExactly("orders", "users");
        assertThat(newest).allSatisfy(n -> {
            assertThat(n.age()).isNull();
            assertThat(n.backupId()).isNull();
            assertThat(n.status()).isEqualTo(NewestGoodBackup.RpoStatus.OLDER_THAN_RPO);
        });
        assertThat(BackupRules.newestGood(List.of(), Map.of(), NOW)).isEmpty();
    }

    @Test
    void aCompletedBackupWithoutSnapshotTimeIsAsOldAsItsCompletion() {
        BackupFact b = new BackupFact("a", "orders", at(1), at(5), null, null, at(6), null, null);
        assertThat(BackupRules.newestGood(List.of(b), Map.of(), NOW).get(0).pointInTime()).isEqualTo(at(5));
    }

    private static BackupFact verified(BackupFact b, int hour) {
        return with(b, at(hour), null, null);
    }

    @Test
    void deadlinesMetPerTierOverTheNotificationsDueInThePeriod() {
        List<NotificationFact> notifications = List.of(
                new NotificationFact("1", "T1", at(1), at(1), null),
                new NotificationFact("2", "T1", at(2), null, at(2)),
                new NotificationFact("3", "T1", at(3), at(3), at(4)),           // both: breached
                new NotificationFact("4", "T2", at(3), at(3), null),
                new NotificationFact("5", "T2", at(-3), at(-3), null),          // due in October
                new NotificationFact("6", "T3", at(-3), null, at(-3)));         // tier without data: absent
        Map<String, Rate> rates = BackupRules.deadlinesMet(notifications, NOVEMBER);
        assertThat(rates).containsOnlyKeys("T1", "T2");
        assertThat(rates.get("T1")).isEqualTo(Rate.of(1, 3));
        assertThat(rates.get("T2")).isEqualTo(Rate.of(1, 1));
        assertThat(BackupRules.deadlinesMet(List.of(), NOVEMBER)).isEmpty();
    }
}
