package org.drcc.kit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

class LimitFiltersTest {

    private final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBackupOverTheLimitIs429WithRetryAfterAndIsNotRun() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(List.of(
                new RateLimit(HttpMethod.POST, "/api/backups", 2, Duration.ofMinutes(1))));
        signIn("dana");
        assertThat(call(filter, "POST", "/api/backups").getStatus()).isEqualTo(200);
        assertThat(call(filter, "POST", "/api/backups").getStatus()).isEqualTo(200);
        MockHttpServletResponse third = call(filter, "POST", "/api/backups");
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("60");
        assertThat(third.getContentType()).isEqualTo("application/problem+json");
        assertThat(third.getContentAsString()).contains("limited to 2 per PT1M");
        assertThat(ran).hasValue(2);

        signIn("bob");
        assertThat(call(filter, "POST", "/api/backups").getStatus()).as("each caller has its own limit").isEqualTo(200);
        assertThat(call(filter, "GET", "/api/backups").getStatus()).as("reads are not limited").isEqualTo(200);
    }

    @Test
    void aReadAsOfAnInstantIsLimitedAndThePlainReadIsNot() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(List.of(
                RateLimit.withParameter(HttpMethod.GET, "/api/incidents/*", "asOf", 1, Duration.ofMinutes(1))));
        signIn("ida");
        MockHttpServletRequest asOf = new MockHttpServletRequest("GET", "/api/incidents/inc-1");
        asOf.setParameter("asOf", "2026-11-25T10:00:00Z");
        assertThat(call(filter, asOf).getStatus()).isEqualTo(200);
        MockHttpServletResponse again = call(filter, asOf);
        assertThat(again.getStatus()).isEqualTo(429);
        assertThat(again.getContentAsString()).contains("GET /api/incidents/*?asOf is limited to 1 per PT1M");
        assertThat(call(filter, "GET", "/api/incidents/inc-1").getStatus()).as("without asOf").isEqualTo(200);
        assertThat(ran).hasValue(2);
    }

    @Test
    void aPublicOperationIsLimitedPerClientAddressWithoutAToken() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(List.of(
                RateLimit.perClientAddress(HttpMethod.POST, "/api/status/subscriptions", 2, Duration.ofMinutes(10))));
        assertThat(callFrom(filter, "203.0.113.7").getStatus()).isEqualTo(200);
        assertThat(callFrom(filter, "203.0.113.7").getStatus()).isEqualTo(200);
        MockHttpServletResponse third = callFrom(filter, "203.0.113.7");
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("600");
        assertThat(third.getContentType()).isEqualTo("application/problem+json");
        assertThat(third.getContentAsString()).contains("limited to 2 per PT10M for each client address");
        assertThat(callFrom(filter, "198.51.100.9").getStatus()).as("another client has its own limit").isEqualTo(200);
        assertThat(ran).hasValue(3);
    }

    @Test
    void aLimitAServiceKeysItselfRefusesWithTheSecondsToWait() {
        RateLimiters limiters = new RateLimiters(Duration.ofHours(1));
        limiters.require("subscribe target", "t1", 1, Duration.ofHours(1), "subscribing one address");
        assertThatThrownBy(() -> limiters.require("subscribe target", "t1", 1, Duration.ofHours(1),
                "subscribing one address")).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("subscribing one address is limited to 1 per PT1H")
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterSeconds()).isEqualTo(3600));
        limiters.require("subscribe target", "t2", 1, Duration.ofHours(1), "subscribing one address");
    }

    private MockHttpServletResponse callFrom(RateLimitFilter filter, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/status/subscriptions");
        request.setRemoteAddr(address);
        return call(filter, request);
    }

    @Test
    void theLimitersOfManyCallersStayBounded() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(List.of(
                new RateLimit(HttpMethod.GET, "/api/audit/verify", 5, Duration.ofMinutes(1))));
        for (int i = 0; i < RateLimiters.MAX_LIMITERS + 2_000; i++) {
            signIn("caller-" + i);
            call(filter, "GET", "/api/audit/verify");
        }
        assertThat(filter.limiters()).isLessThanOrEqualTo(RateLimiters.MAX_LIMITERS);
        assertThat(ran).hasValue(RateLimiters.MAX_LIMITERS + 2_000);
    }

    @Test
    void theKitLimitsItsOwnExpensiveRead() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(KitLimitsAutoConfiguration.KIT);
        signIn("ida");
        for (int i = 0; i < 5; i++) {
            assertThat(call(filter, "GET", "/api/audit/verify").getStatus()).isEqualTo(200);
        }
        assertThat(call(filter, "GET", "/api/audit/verify").getStatus()).isEqualTo(429);
    }

    @Test
    void aBodyOverTheCapIs413AndIsNotRead() throws Exception {
        BodySizeFilter filter = new BodySizeFilter(DataSize.ofKilobytes(1));
        MockHttpServletRequest big = new MockHttpServletRequest("POST", "/api/incidents");
        big.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(big, response, (rq, rs) -> ran.incrementAndGet());
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("at most 1024 bytes");
        assertThat(ran).hasValue(0);

        MockHttpServletRequest small = new MockHttpServletRequest("POST", "/api/incidents");
        small.setContent(new byte[100]);
        filter.doFilter(small, new MockHttpServletResponse(), (rq, rs) -> ran.incrementAndGet());
        assertThat(ran).hasValue(1);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheCapWhileItIsRead() throws Exception {
        BodySizeFilter filter = new BodySizeFilter(DataSize.ofKilobytes(1));
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/incidents") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(new byte[4096]);
        long[] read = {0};
        assertThatThrownBy(() -> filter.doFilter(chunked, new MockHttpServletResponse(), (rq, rs) -> {
            byte[] buffer = new byte[256];
            for (int n; (n = rq.getInputStream().read(buffer)) > 0; ) {
                read[0] += n;
            }
        })).isInstanceOf(BodyTooLargeException.class).hasMessageContaining("at most 1024 bytes");
        assertThat(read[0]).isLessThanOrEqualTo(1024);

        MockHttpServletRequest fits = new MockHttpServletRequest("POST", "/api/incidents") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        fits.setContent(new byte[1024]);
        filter.doFilter(fits, new MockHttpServletResponse(), (rq, rs) -> assertThat(rq.getInputStream().readAllBytes()).hasSize(1024));
    }

    private MockHttpServletResponse call(RateLimitFilter filter, String method, String path) throws Exception {
        return call(filter, new MockHttpServletRequest(method, path));
    }

    private MockHttpServletResponse call(RateLimitFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (rq, rs) -> ran.incrementAndGet());
        return response;
    }

    private static void signIn(String name) {
        TestingAuthenticationToken caller = new TestingAuthenticationToken(name, null, "ROLE_dba");
        caller.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(caller);
    }
}
