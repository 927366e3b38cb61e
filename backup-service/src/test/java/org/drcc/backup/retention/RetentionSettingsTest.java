package org.drcc.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The deletion guard of retention, run as the service runs it: hourly backups, one retention run a day. */
class RetentionSettingsTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private final RetentionSettings settings = new RetentionSettings(10, Duration.ofMinutes(5));

    /** The database's backups (id to completion), and how many the last run left (table retention_left). */
    private final Map<String, Instant> backups = new TreeMap<>();
    private Optional<Integer> leftByLastRun = Optional.empty();
    private int taken;

    @Test
    void retentionKeepsUpWithAnHourlyScheduleAndLeavesOnlyWhatItsRulesKeep() {
        RetentionPlan last = null;
        for (int hour = 0; hour < 24 * 120; hour++) {
            Instant at = FIRST.plus(Duration.ofHours(hour));
            backUpAt(at.plus(Duration.ofMinutes(5)));
            if (hour % 24 == 3) {
                last = runRetention(RetentionPolicy.PLAN, at.plus(Duration.ofMinutes(30)));
            }
        }

        assertThat(last.deferred()).as("no backlog left for later runs").isEmpty();
        // 30 daily, 12 weekly, 12 monthly (many the same backup), and today's until the run: no more
        assertThat(backups).hasSizeLessThanOrEqualTo(30 + 12 + 12 + 4 + 20);
        assertThat(backups).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void aPolicyTooStrictByMistakeCostsAtMostTheCapOfBackupsARun() {
        Instant now = FIRST;
        for (int hour = 0; hour < 24 * 30; hour++) {
            backUpAt(now.plus(Duration.ofMinutes(5)));
            now = now.plus(Duration.ofHours(1));
        }
        runRetention(RetentionPolicy.PLAN, now);
        int leftBefore = backups.size();

        RetentionPolicy mistaken = new RetentionPolicy(1, 0, 0);
        for (int day = 0; day < 5; day++) {
            for (int hour = 0; hour < 24; hour++) {
                backUpAt(now.plus(Duration.ofMinutes(5)));
                now = now.plus(Duration.ofHours(1));
            }
            RetentionPlan plan = runRetention(mistaken, now);
            assertThat(plan.expired()).as("day %d: the 24 taken since, and 10 more", day).hasSize(24 + 10);
            assertThat(backups).as("day %d: never more than 10 fewer than the run before left", day)
                    .hasSize(leftBefore - 10);
            assertThat(plan.deferred()).as("what the mistake would delete beyond that waits").isNotEmpty();
            leftBefore = backups.size();
        }
    }

    @Test
    void runsThatDeletedNothingDoNotSaveUpDeletionsForALaterMistake() {
        Instant now = FIRST;
        for (int day = 0; day < 30; day++) {
            for (int hour = 0; hour < 24; hour++) {
                backUpAt(now.plus(Duration.ofMinutes(5)));
                now = now.plus(Duration.ofHours(1));
            }
            // halted by the clock guard, or every deletion failed (S3 down): nothing deleted, what is left recorded
            leftByLastRun = Optional.of(backups.size());
        }
        int left = backups.size();
        for (int hour = 0; hour < 24; hour++) {
            backUpAt(now.plus(Duration.ofMinutes(5)));
            now = now.plus(Duration.ofHours(1));
        }

        RetentionPlan plan = runRetention(new RetentionPolicy(1, 0, 0), now);

        assertThat(plan.expired()).as("the day's 24 and 10 more, not a month's").hasSize(24 + 10);
        assertThat(backups).hasSize(left - 10);
    }

    @Test
    void beforeItsFirstRunADatabaseGetsTheCapAlone() {
        assertThat(settings.deletesAllowed(500, Optional.empty())).isEqualTo(10);
        assertThat(settings.deletesAllowed(500, Optional.of(495))).isEqualTo(15);
        assertThat(settings.deletesAllowed(500, Optional.of(600))).as("fewer than the last run left: none").isZero();
    }

    private void backUpAt(Instant completedAt) {
        backups.put("b" + String.format("%06d", taken++), completedAt);
    }

    /** What RetentionJob does for one database, with every backup verified and no incident holding any. */
    private RetentionPlan runRetention(RetentionPolicy policy, Instant now) {
        List<RetentionCandidate> candidates = new ArrayList<>();
        backups.forEach((id, at) -> candidates.add(new RetentionCandidate(id, at, true)));
        RetentionPlan plan = GfsRetention.plan(candidates, policy, now, ZONE, List.of())
                .limitedTo(settings.deletesAllowed(backups.size(), leftByLastRun));
        plan.expired().forEach(backups::remove);
        leftByLastRun = Optional.of(backups.size());
        return plan;
    }
}
