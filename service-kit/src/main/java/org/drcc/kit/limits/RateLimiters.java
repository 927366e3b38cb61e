package org.drcc.kit.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The service's rate limiters (Resilience4j RateLimiter, one per operation and key), used by the filter for the
 * declared per-caller and per-client-address limits, and by a service for a limit only its own code can key (the
 * target a public request names, read from its body): one pipe, one shape of refusal (429, Retry-After,
 * problem+json).
 *
 * <p>The limiters live in a bounded cache (Caffeine), not in an ever-growing registry: dropped once unused for the
 * longest period (a limiter idle that long has all its permits again, so dropping it changes nothing), and at most
 * {@value #MAX_LIMITERS} of them, so that callers with ever new names cannot fill the memory.
 */
public final class RateLimiters {

    static final int MAX_LIMITERS = 10_000;

    private final Cache<String, RateLimiter> limiters;

    public RateLimiters(Duration longest) {
        this.limiters = Caffeine.newBuilder().maximumSize(MAX_LIMITERS).expireAfterAccess(longest).build();
    }

    /**
     * Takes a permit of {@code limit} for {@code key}; empty when granted, else the seconds to wait before trying
     * again (the period: by then the permits are back).
     */
    public OptionalLong acquire(RateLimit limit, String key) {
        return acquire(limit.operation(), key, limit.permits(), limit.period());
    }

    /** As {@link #acquire(RateLimit, String)}, for a limit a service keys itself. */
    public OptionalLong acquire(String operation, String key, int permits, Duration period) {
        RateLimiter limiter = limiters.get(operation + " " + key, name -> RateLimiter.of(name,
                RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period)
                        .timeoutDuration(Duration.ZERO).build()));
        return limiter.acquirePermission() ? OptionalLong.empty() : OptionalLong.of(Math.max(1, period.toSeconds()));
    }

    /**
     * Takes a permit or refuses with {@link RateLimitedException} (answered 429 with Retry-After by the kit's
     * problem advice); {@code what} names the limit in the refusal.
     */
    public void require(String operation, String key, int permits, Duration period, String what) {
        acquire(operation, key, permits, period).ifPresent(seconds -> {
            throw new RateLimitedException(what + " is limited to " + permits + " per " + period + "; retry in at most "
                    + seconds + " s", seconds);
        });
    }

    /** How many limiters are kept now. */
    long size() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }
}
