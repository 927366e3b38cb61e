package org.drcc.backup.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaleBackupSweepTest {

    private static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final Instant STARTED = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void aBackupNobodyRunsIsStaleOnlyOnceItIsOlderThanTheSetting() {
        assertThat(StaleBackupSweep.isStale(STARTED, false, STARTED.plus(STALE_AFTER), STALE_AFTER)).isFalse();
        assertThat(StaleBackupSweep.isStale(STARTED, false, STARTED.plus(STALE_AFTER).plusMillis(1), STALE_AFTER))
                .isTrue();
    }

    @Test
    void aBackupThisInstanceRunsIsNeverStale() {
        assertThat(StaleBackupSweep.isStale(STARTED, true, STARTED.plus(Duration.ofDays(3)), STALE_AFTER)).isFalse();
    }

    @Test
    void aBackupThatStartedJustNowMayBeAnotherInstancesAndIsLeftAlone() {
        assertThat(StaleBackupSweep.isStale(STARTED, false, STARTED.plusSeconds(1), STALE_AFTER)).isFalse();
        assertThat(StaleBackupSweep.isStale(STARTED, false, STARTED.minusSeconds(60), STALE_AFTER))
                .as("started 'in the future' of a clock that went back").isFalse();
    }
}
