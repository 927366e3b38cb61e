package org.drcc.incident.config;

import static org.springframework.http.HttpMethod.GET;

import java.time.Duration;
import java.util.List;
import org.drcc.kit.limits.RateLimit;
import org.drcc.kit.limits.ServiceRateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The expensive operations of incident-service, per caller: the export streams the whole audit trail. */
@Configuration(proxyBeanMethods = false)
public class IncidentRateLimits {

    static final List<RateLimit> LIMITS = List.of(
            new RateLimit(GET, "/api/audit/events/export", 5, Duration.ofMinutes(1)),
            new RateLimit(GET, "/api/audit/evidence", 5, Duration.ofMinutes(1)));

    @Bean
    ServiceRateLimits incidentRateLimitRows() {
        return () -> LIMITS;
    }
}
