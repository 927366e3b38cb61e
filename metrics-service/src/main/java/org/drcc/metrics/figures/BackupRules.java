package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The definitions of the backup and notification figures: pure functions of the facts. */
public final class BackupRules {

    private BackupRules() {
    }

    /** completed / (completed + failed) over the backups started in the period; still running: not counted. */
    public static Rate success(Collection<BackupFact> backups, Period period) {
        return rate(backups, period, BackupFact::completed, BackupFact::failed);
    }

    /** verified / (verified + verification failed) over the backups started in the period. */
    public static Rate verification(Collection<BackupFact> backups, Period period) {
        return rate(backups, period, BackupFact::verified, BackupFact::verificationFailed);
    }

    private static Rate rate(Collection<BackupFact> backups, Period period, Predicate<BackupFact> achieved,
                             Predicate<BackupFact> missed) {
        List<BackupFact> decided = backups.stream().filter(b -> period.contains(b.startedAt()))
                .filter(achieved.or(missed)).toList();
        return Rate.of(decided.stream().filter(achieved).count(), decided.size());
    }

    /**
     * Per database seen in any backup or RPO, by name: its newest good backup (by point in time, not
     * after {@code now}) and its age at {@code now}, against the database's RPO when known.
     */
    public static List<NewestGoodBackup> newestGood(Collection<BackupFact> backups, Map<String, Duration> rpos,
                                                    Instant now) {
        TreeSet<String> databases = new TreeSet<>(rpos.keySet());
        Map<String, BackupFact> newest = new TreeMap<>();
        for (BackupFact b : backups) {
            databases.add(b.database());
            if (b.good() && !b.pointInTime().isAfter(now)) {
                newest.merge(b.database(), b, (x, y) ->
                        Comparator.comparing(BackupFact::pointInTime).compare(x, y) >= 0 ? x : y);
            }
        }
        return databases.stream().map(db -> {
            BackupFact b = newest.get(db);
            Duration rpo = rpos.get(db);
            Duration age = b == null ? null : Duration.between(b.pointInTime(), now);
            NewestGoodBackup.RpoStatus status = rpo == null ? NewestGoodBackup.RpoStatus.UNKNOWN
                    : age == null || age.compareTo(rpo) > 0 ? NewestGoodBackup.RpoStatus.OLDER_THAN_RPO
                    : NewestGoodBackup.RpoStatus.WITHIN_RPO;
            return new NewestGoodBackup(db, b == null ? null : b.backupId(), b == null ? null : b.pointInTime(),
                    age, rpo, status);
        }).toList();
    }

    /** Per tier, by name: met / (met + breached) over the notifications due in the period. */
    public static Map<String, Rate> deadlinesMet(Collection<NotificationFact> notifications, Period period) {
        Map<String, long[]> counts = new TreeMap<>();
        for (NotificationFact n : notifications) {
            if (!period.contains(n.dueAt()) || !(n.met() || n.breached())) {
                continue;
            }
            long[] c = counts.computeIfAbsent(n.tier(), t -> new long[2]);
            c[0] += n.met() ? 1 : 0;
            c[1]++;
        }
        Map<String, Rate> rates = new TreeMap<>();
        counts.forEach((tier, c) -> rates.put(tier, Rate.of(c[0], c[1])));
        return rates;
    }
}
