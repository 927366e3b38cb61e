package org.drcc.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockGuardTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void trustsAClockThatAgreesWithTheServerAndIsAfterTheNewestBackup() {
        assertThat(ClockGuard.check(NOW, NOW.plusSeconds(1), NOW.minus(Duration.ofHours(1)), TOLERANCE)).isEmpty();
        assertThat(ClockGuard.check(NOW, NOW, null, TOLERANCE)).as("no backup yet").isEmpty();
    }

    @Test
    void toleratesUpToTheToleranceAndNotOneMillisecondMore() {
        assertThat(ClockGuard.check(NOW, NOW, NOW.plus(TOLERANCE), TOLERANCE)).isEmpty();
        assertThat(ClockGuard.check(NOW, NOW.plus(TOLERANCE), null, TOLERANCE)).isEmpty();
        assertThat(ClockGuard.check(NOW, NOW.minus(TOLERANCE), null, TOLERANCE)).isEmpty();

        assertThat(ClockGuard.check(NOW, NOW, NOW.plus(TOLERANCE).plusMillis(1), TOLERANCE)).isPresent();
        assertThat(ClockGuard.check(NOW, NOW.plus(TOLERANCE).plusMillis(1), null, TOLERANCE)).isPresent();
        assertThat(ClockGuard.check(NOW, NOW.minus(TOLERANCE).minusMillis(1), null, TOLERANCE)).isPresent();
    }

    @Test
    void aClockEarlierThanTheNewestBackupsCompletionWentBack() {
        Instant completed = NOW.plus(Duration.ofHours(2));

        ClockGuard.ClockJump jump = ClockGuard.check(NOW, NOW, completed, TOLERANCE).orElseThrow();

        assertThat(jump.referenceAt()).isEqualTo(completed);
        assertThat(jump.reason()).contains("the clock went back").contains(NOW.toString()).contains(completed.toString());
    }

    @Test
    void aClockAYearAheadOfTheDatabaseServerIsNotTrusted() {
        Instant server = NOW.minus(Duration.ofDays(365));

        ClockGuard.ClockJump jump = ClockGuard.check(NOW, server, server.minusSeconds(3600), TOLERANCE).orElseThrow();

        assertThat(jump.referenceAt()).isEqualTo(server);
        assertThat(jump.reason()).contains("disagrees with the database server").contains(server.toString());
    }
}
