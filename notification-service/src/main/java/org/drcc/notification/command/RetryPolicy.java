package org.drcc.notification.command;

import java.time.Duration;

/** How often a refused message is tried, with exponential backoff between attempts. */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier) {

    public boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }

    public Duration backoffAfter(int attempt) {
        return Duration.ofMillis((long) (initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1)));
    }
}
