package org.drcc.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GfsRetentionTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static RetentionCandidate backup(String at) {
        return new RetentionCandidate(at, Instant.parse(at), false);
    }

    private static RetentionPlan plan(RetentionPolicy policy, String now, RetentionCandidate... backups) {
        return GfsRetention.plan(List.of(backups), policy, Instant.parse(now), UTC, List.of());
    }

    @Test
    void keepsTheNewestBackupOfEachOfTheLast30DaysTodayIncluded() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        List<RetentionCandidate> hourly = new ArrayList<>();
        for (Instant t = now.minus(Duration.ofDays(40)); !t.isAfter(now); t = t.plus(Duration.ofHours(1))) {
            hourly.add(new RetentionCandidate(t.toString(), t, false));
        }
        RetentionPlan plan = GfsRetention.plan(hourly, new RetentionPolicy(30, 0, 0), now, UTC, List.of());

        assertThat(plan.kept()).hasSize(30).containsEntry("2026-11-25T12:00:00Z", "daily")
                .containsEntry("2026-11-24T23:00:00Z", "daily").containsEntry("2026-10-27T23:00:00Z", "daily")
                .doesNotContainKey("2026-10-26T23:00:00Z");
        assertThat(plan.expired()).hasSize(hourly.size() - 30);
    }

    @Test
    void theDailyWindowCountsTheLeapDay() {
        // 30 days up to 1 March: from 1 February in a leap year, from 31 January otherwise
        RetentionPlan leap = plan(new RetentionPolicy(30, 0, 0), "2024-03-01T12:00:00Z",
                backup("2024-02-29T08:00:00Z"), backup("2024-02-01T00:00:00Z"), backup("2024-01-31T23:59:59Z"));
        RetentionPlan common = plan(new RetentionPolicy(30, 0, 0), "2023-03-01T12:00:00Z",
                backup("2023-02-28T08:00:00Z"), backup("2023-01-31T00:00:00Z"), backup("2023-01-30T23:59:59Z"));

        assertThat(leap.kept()).containsOnlyKeys("2024-02-29T08:00:00Z", "2024-02-01T00:00:00Z");
        assertThat(leap.expired()).containsExactly("2024-01-31T23:59:59Z");
        assertThat(common.kept()).containsOnlyKeys("2023-02-28T08:00:00Z", "2023-01-31T00:00:00Z");
        assertThat(common.expired()).containsExactly("2023-01-30T23:59:59Z");
    }

    @Test
    void anIsoWeekThatSpansTheNewYearIsOneWeek() {
        // 2021-01-03 is a Sunday of ISO week 2020-W53, which began on Monday 2020-12-28
        RetentionPlan plan = plan(new RetentionPolicy(0, 2, 0), "2021-01-03T12:00:00Z",
                backup("2021-01-02T10:00:00Z"), backup("2020-12-31T10:00:00Z"), backup("2020-12-28T00:00:00Z"),
                backup("2020-12-27T23:59:00Z"), backup("2020-12-21T10:00:00Z"), backup("2020-12-20T10:00:00Z"));

        assertThat(plan.kept()).containsOnlyKeys("2021-01-02T10:00:00Z", "2020-12-27T23:59:00Z");
        assertThat(plan.expired()).containsExactly("2020-12-31T10:00:00Z", "2020-12-28T00:00:00Z",
                "2020-12-21T10:00:00Z", "2020-12-20T10:00:00Z");
    }

    @Test
    void monthlyKeepsTheLastBackupOfEachMonthEndForTwelveMonths() {
        RetentionPlan plan = plan(new RetentionPolicy(0, 0, 12), "2024-02-29T12:00:00Z",
                backup("2024-02-29T01:00:00Z"), backup("2024-01-31T23:00:00Z"), backup("2024-01-15T10:00:00Z"),
                backup("2023-03-31T23:59:59Z"), backup("2023-02-28T23:00:00Z"));

        assertThat(plan.kept()).containsOnlyKeys("2024-02-29T01:00:00Z", "2024-01-31T23:00:00Z", "2023-03-31T23:59:59Z");
        assertThat(plan.expired()).containsExactly("2024-01-15T10:00:00Z", "2023-02-28T23:00:00Z");
    }

    @Test
    void daysWeeksAndMonthsAreCountedInTheConfiguredZone() {
        // 23:30 UTC on 31 March 2024 is already 1 April in Paris (UTC+2 since that morning)
        List<RetentionCandidate> backups = List.of(backup("2024-04-10T10:00:00Z"), backup("2024-03-31T23:30:00Z"),
                backup("2024-03-20T10:00:00Z"));
        Instant now = Instant.parse("2024-04-15T12:00:00Z");

        RetentionPlan utc = GfsRetention.plan(backups, new RetentionPolicy(0, 0, 2), now, UTC, List.of());
        RetentionPlan paris = GfsRetention.plan(backups, new RetentionPolicy(0, 0, 2), now, ZoneId.of("Europe/Paris"),
                List.of());

        assertThat(utc.kept()).containsOnlyKeys("2024-04-10T10:00:00Z", "2024-03-31T23:30:00Z");
        assertThat(paris.kept()).containsOnlyKeys("2024-04-10T10:00:00Z", "2024-03-20T10:00:00Z");
    }

    @Test
    void theNewestVerifiedBackupIsNeverExpired() {
        RetentionCandidate verified = new RetentionCandidate("old-verified", Instant.parse("2020-01-01T00:00:00Z"), true);
        RetentionCandidate olderVerified = new RetentionCandidate("older", Instant.parse("2019-01-01T00:00:00Z"), true);
        RetentionPlan plan = GfsRetention.plan(List.of(verified, olderVerified), RetentionPolicy.PLAN,
                Instant.parse("2026-11-25T12:00:00Z"), UTC, List.of());

        assertThat(plan.kept()).containsOnly(java.util.Map.entry("old-verified", "newest verified"));
        assertThat(plan.expired()).containsExactly("older");
    }

    @Test
    void backupsThatExistedWhenAnOpenIncidentWasDeclaredAreHeld() {
        RetentionPlan plan = GfsRetention.plan(
                List.of(backup("2020-01-01T00:00:00Z"), backup("2020-02-01T00:00:00Z"), backup("2020-03-01T00:00:00Z")),
                new RetentionPolicy(1, 0, 0), Instant.parse("2026-11-25T12:00:00Z"), UTC,
                List.of(Instant.parse("2020-02-01T00:00:00Z")));

        assertThat(plan.kept()).containsOnlyKeys("2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z")
                .containsValue("held by an open incident");
        assertThat(plan.expired()).containsExactly("2020-03-01T00:00:00Z");
    }

    @Test
    void aBackupFromTheFutureIsKept() {
        RetentionPlan plan = plan(new RetentionPolicy(1, 0, 0), "2026-11-25T12:00:00Z", backup("2026-11-26T00:00:00Z"),
                backup("2026-11-20T00:00:00Z"));

        assertThat(plan.kept()).containsOnly(java.util.Map.entry("2026-11-26T00:00:00Z", "future"));
        assertThat(plan.expired()).containsExactly("2026-11-20T00:00:00Z");
    }

    @Test
    void thePlansPolicyKeeps48OfAYearOfHourlyBackups() {
        Instant now = Instant.parse("2024-12-31T23:30:00Z");
        List<RetentionCandidate> hourly = new ArrayList<>();
        for (Instant t = now.minus(Duration.ofDays(366)); !t.isAfter(now); t = t.plus(Duration.ofHours(1))) {
            hourly.add(new RetentionCandidate(t.toString(), t, false));
        }
        RetentionPlan plan = GfsRetention.plan(hourly, RetentionPolicy.PLAN, now, UTC, List.of());

        // 30 days (2 to 31 December); 12 weeks, of which the 5 newest end inside those days; 12 months, of
        // which December's newest is a daily one: 30 + 7 + 11
        assertThat(plan.kept()).hasSize(48).containsEntry("2024-11-30T23:30:00Z", "monthly")
                .containsEntry("2024-12-01T23:30:00Z", "weekly").containsEntry("2024-12-02T23:30:00Z", "daily");
        assertThat(plan.kept().size() + plan.expired().size()).isEqualTo(hourly.size());
    }
}
