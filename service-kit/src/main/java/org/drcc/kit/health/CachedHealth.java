package org.drcc.kit.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** A check run at most once per time-to-live; callers in between get its last answer. */
final class CachedHealth implements HealthIndicator {

    private final Supplier<Health> check;
    private final Duration ttl;
    private final Clock clock;
    private Health last;
    private Instant checkedAt = Instant.MIN;

    CachedHealth(Supplier<Health> check, Duration ttl, Clock clock) {
        this.check = check;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(ttl))) {
            last = check.get();
            checkedAt = now;
        }
        return last;
    }
}
