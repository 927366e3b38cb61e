package org.drcc.backup.policy;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a missing tier copy is tried again ({@code dr.backup.copy-retry.*}). The delays come from
 * Resilience4j's exponential {@link IntervalFunction}; the attempts and their times come from the
 * backup's recorded copy outcomes, not from memory, so the schedule survives a restart.
 *
 * @param maxAttempts   attempts in all, the first copy after the backup included; then the copy is given up
 * @param firstDelay    the wait after the first failed attempt (and before copying a tier never tried)
 * @param factor        each further wait is this many times the one before
 * @param maxDelay      no wait is longer than this
 * @param sweepInterval how often the sweep looks for missing copies
 * @param enabled       whether this instance sweeps; by default when {@code dr.backup.scheduling-enabled}
 */
@ConfigurationProperties("dr.backup.copy-retry")
public record CopyRetry(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT1M") Duration firstDelay,
        @DefaultValue("2") double factor,
        @DefaultValue("PT1H") Duration maxDelay,
        @DefaultValue("PT1M") Duration sweepInterval,
        Boolean enabled) {

    public CopyRetry {
        if (maxAttempts < 1 || factor < 1 || firstDelay.isNegative() || firstDelay.isZero()
                || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("dr.backup.copy-retry: max-attempts >= 1, factor >= 1, first-delay > 0 "
                    + "and max-delay >= first-delay are needed; got " + maxAttempts + ", " + factor + ", "
                    + firstDelay + ", " + maxDelay);
        }
    }

    /** What to do now about a tier with {@code failedAttempts} recorded, the last (or the backup's completion) at {@code since}. */
    public Next next(int failedAttempts, Instant since, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Next.ABANDON;
        }
        return now.isBefore(since.plus(delayAfter(failedAttempts))) ? Next.WAIT : Next.COPY;
    }

    /** The wait after {@code failedAttempts} failures: firstDelay, then × factor each time, at most maxDelay. */
    public Duration delayAfter(int failedAttempts) {
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(firstDelay, factor, maxDelay);
        return Duration.ofMillis(backoff.apply(Math.max(1, failedAttempts)));
    }

    public enum Next { WAIT, COPY, ABANDON }
}
