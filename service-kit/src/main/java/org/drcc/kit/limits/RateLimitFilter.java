package org.drcc.kit.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
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
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final List<RateLimit> limits;
    private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();

    RateLimitFilter(List<RateLimit> limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimit> limit = limits.stream().filter(l -> PathPatternRequestMatcher.withDefaults()
                .matcher(l.method(), l.pattern()).matches(request)).findFirst();
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (limit.isEmpty() || caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimit l = limit.get();
        RateLimiter limiter = registry.rateLimiter(l.method() + " " + l.pattern() + " " + caller.getName(),
                RateLimiterConfig.custom().limitForPeriod(l.permits()).limitRefreshPeriod(l.period())
                        .timeoutDuration(Duration.ZERO).build());
        if (!limiter.acquirePermission()) {
            long seconds = Math.max(1, l.period().toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(request, response, 429, "Too many requests", l.method() + " " + l.pattern()
                    + " is limited to " + l.permits() + " per " + l.period() + " for each caller; retry in at most "
                    + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
