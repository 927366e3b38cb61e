package org.drcc.backup.retention;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Grandfather-father-son retention, as a pure function. In the calendar of {@code zone}, the newest
 * backup of each of the last {@code daily} days (today included), of each of the last {@code weekly}
 * ISO weeks (Monday to Sunday, so a week that spans a new year is one week) and of each of the last
 * {@code monthly} months is kept. Whatever the calendar says, the newest verified backup is kept, as is
 * every backup that existed when a still-open incident was declared (its hold), and any backup from
 * the future (a clock that is wrong is no reason to delete).
 */
public final class GfsRetention {

    private GfsRetention() {
    }

    public static RetentionPlan plan(List<RetentionCandidate> backups, RetentionPolicy policy, Instant now, ZoneId zone,
                                     List<Instant> openHoldsSince) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<RetentionCandidate> newestFirst = backups.stream()
                .sorted(Comparator.comparing(RetentionCandidate::snapshotAt).reversed()).toList();
        Map<String, String> kept = new LinkedHashMap<>();

        newestFirst.stream().filter(b -> b.snapshotAt().isAfter(now)).forEach(b -> kept.putIfAbsent(b.backupId(), "future"));
        newestFirst.stream().filter(RetentionCandidate::verified).findFirst()
                .ifPresent(b -> kept.putIfAbsent(b.backupId(), "newest verified"));
        newestFirst.stream().filter(b -> openHoldsSince.stream().anyMatch(h -> !b.snapshotAt().isAfter(h)))
                .forEach(b -> kept.putIfAbsent(b.backupId(), "held by an open incident"));

        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        YearMonth month = YearMonth.from(today);
        keepNewestPer(newestFirst, zone, d -> d, today.minusDays(policy.daily() - 1L), today, "daily", kept);
        keepNewestPer(newestFirst, zone, d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                monday.minusWeeks(policy.weekly() - 1L), monday, "weekly", kept);
        keepNewestPer(newestFirst, zone, d -> YearMonth.from(d).atDay(1),
                month.minusMonths(policy.monthly() - 1L).atDay(1), month.atDay(1), "monthly", kept);

        List<String> expired = new ArrayList<>();
        newestFirst.stream().map(RetentionCandidate::backupId).filter(id -> !kept.containsKey(id)).forEach(expired::add);
        return new RetentionPlan(kept, expired);
    }

    /** Keeps the newest backup of each period (named by its first day) from {@code first} to {@code last}. */
    private static void keepNewestPer(List<RetentionCandidate> newestFirst, ZoneId zone,
                                      Function<LocalDate, LocalDate> period, LocalDate first, LocalDate last,
                                      String rule, Map<String, String> kept) {
        if (first.isAfter(last)) {
            return;
        }
        Map<LocalDate, String> newestOfPeriod = new LinkedHashMap<>();
        for (RetentionCandidate b : newestFirst) {
            LocalDate p = period.apply(LocalDate.ofInstant(b.snapshotAt(), zone));
            if (!p.isBefore(first) && !p.isAfter(last)) {
                newestOfPeriod.putIfAbsent(p, b.backupId());
            }
        }
        newestOfPeriod.values().forEach(id -> kept.putIfAbsent(id, rule));
    }
}
