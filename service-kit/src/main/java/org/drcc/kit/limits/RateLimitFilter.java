package org.drcc.kit.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.drcc.kit.problem.Problems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Expensive operations (backup, restore, verify, drill, evidence export) are rate-limited per caller, and public
 * ones (a status page subscription) per client address (one limiter per operation and key, from
 * {@link RateLimiters}): the call over the limit gets 429 with Retry-After and is not run. Runs after
 * authentication, so an anonymous call of a per-caller operation is a 401 first. The client address is the
 * connection's remote address (behind a proxy: {@code server.forward-headers-strategy} makes it the client's).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final List<RateLimit> limits;
    private final RateLimiters limiters;

    RateLimitFilter(List<RateLimit> limits) {
        this(limits, new RateLimiters(longest(limits)));
    }

    RateLimitFilter(List<RateLimit> limits, RateLimiters limiters) {
        this.limits = limits;
        this.limiters = limiters;
    }

    static Duration longest(List<RateLimit> limits) {
        return limits.stream().map(RateLimit::period).max(Duration::compareTo).orElse(Duration.ofMinutes(1));
    }

    /** How many limiters are kept now. */
    long limiters() {
        return limiters.size();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimit> limit = limits.stream().filter(l -> PathPatternRequestMatcher.withDefaults()
                .matcher(l.method(), l.pattern()).matches(request)
                && (l.parameter() == null || request.getParameter(l.parameter()) != null)).findFirst();
        if (limit.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimit l = limit.get();
        String key;
        if (l.scope() == RateLimit.Scope.CLIENT_ADDRESS) {
            key = "address " + request.getRemoteAddr();
        } else {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller == null || !caller.isAuthenticated()) {
                chain.doFilter(request, response);
                return;
            }
            key = caller.getName();
        }
        OptionalLong refused = limiters.acquire(l, key);
        if (refused.isPresent()) {
            long seconds = refused.getAsLong();
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(request, response, 429, "Too many requests", l.operation()
                    + " is limited to " + l.permits() + " per " + l.period() + " for each " + l.per()
                    + "; retry in at most " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
