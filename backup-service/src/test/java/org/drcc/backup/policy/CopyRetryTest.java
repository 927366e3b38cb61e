package org.drcc.backup.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.drcc.backup.policy.CopyRetry.Next;
import org.junit.jupiter.api.Test;

class CopyRetryTest {

    private static final Instant LAST = Instant.parse("2026-11-30T08:00:00Z");
    private final CopyRetry retry = new CopyRetry(5, Duration.ofMinutes(1), 2, Duration.ofMinutes(5),
            Duration.ofMinutes(1), null);

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToItsCap() {
        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(retry.delayAfter(4)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aFailedCopyWaitsItsDelayAfterTheLastAttemptThenIsCopiedAgain() {
        assertThat(retry.next(2, LAST, LAST.plusSeconds(119))).isEqualTo(Next.WAIT);
        assertThat(retry.next(2, LAST, LAST.plusSeconds(120))).isEqualTo(Next.COPY);
    }

    @Test
    void aTierNeverTriedIsCopiedTheFirstDelayAfterTheBackupCompleted() {
        assertThat(retry.next(0, LAST, LAST.plusSeconds(30))).isEqualTo(Next.WAIT);
        assertThat(retry.next(0, LAST, LAST.plusSeconds(60))).isEqualTo(Next.COPY);
    }

    @Test
    void theCopyIsGivenUpOnceItsAttemptsAreSpentWithoutWaiting() {
        assertThat(retry.next(4, LAST, LAST.plusSeconds(299))).isEqualTo(Next.WAIT);
        assertThat(retry.next(5, LAST, LAST)).isEqualTo(Next.ABANDON);
        assertThat(new CopyRetry(1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), Duration.ofSeconds(1), null)
                .next(1, LAST, LAST)).isEqualTo(Next.ABANDON);
    }

    @Test
    void refusesSettingsThatWouldNeverRetryOrNeverWait() {
        assertThatThrownBy(() -> new CopyRetry(0, Duration.ofMinutes(1), 2, Duration.ofHours(1), Duration.ofMinutes(1),
                null)).hasMessageContaining("max-attempts >= 1");
        assertThatThrownBy(() -> new CopyRetry(5, Duration.ofMinutes(1), 2, Duration.ofSeconds(1), Duration.ofMinutes(1),
                null)).hasMessageContaining("max-delay >= first-delay");
    }
}
