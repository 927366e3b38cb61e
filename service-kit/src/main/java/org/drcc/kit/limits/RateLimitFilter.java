package org.drcc.kit.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.drcc.kit.problem.Problems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Expensive operations (backup, restore, verify, drill, evidence export) are rate-limited per caller
 * (Resilience4j RateLimiter, one per operation and caller): the call over the limit gets 429 with
 * Retry-After and is not run. Runs after authentication, so an anonymous call is a 401 first.
 *
 * <p>The limiters live in a bounded cache (Caffeine), not in an ever-growing registry: one per operation
 * and caller, dropped once unused for the longest period (a limiter idle that long has all its permits
 * again, so dropping it changes nothing), and at most {@value #MAX_LIMITERS} of them, so that callers
 * with ever new names cannot fill the memory.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final int MAX_LIMITERS = 10_000;

    private final List<RateLimit> limits;
    private final Cache<String, RateLimiter> limiters;

    RateLimitFilter(List<RateLimit> limits) {
        this.limits = limits;
        Duration longest = limits.stream().map(RateLimit::period).max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        this.limiters = Caffeine.newBuilder().maximumSize(MAX_LIMITERS).expireAfterAccess(longest).build();
    }

    /** How many limiters are kept now. */
    long limiters() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimit> limit = limits.stream().filter(l -> PathPatternRequestMatcher.withDefaults()
                .matcher(l.method(), l.pattern()).matches(request)
                && (l.parameter() == null || request.getParameter(l.parameter()) != null)).findFirst();
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (limit.isEmpty() || caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimit l = limit.get();
        RateLimiter limiter = limiters.get(l.operation() + " " + caller.getName(), name -> RateLimiter.of(name,
                RateLimiterConfig.custom().limitForPeriod(l.permits()).limitRefreshPeriod(l.period())
                        .timeoutDuration(Duration.ZERO).build()));
        if (!limiter.acquirePermission()) {
            long seconds = Math.max(1, l.period().toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(request, response, 429, "Too many requests", l.operation()
                    + " is limited to " + l.permits() + " per " + l.period() + " for each caller; retry in at most "
                    + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
