package org.drcc.backup.config;

import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.List;
import org.drcc.kit.limits.RateLimit;
import org.drcc.kit.limits.ServiceRateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The expensive operations of backup-service, per caller: each starts pg_dump or pg_restore. */
@Configuration(proxyBeanMethods = false)
public class BackupRateLimits {

    static final List<RateLimit> LIMITS = List.of(
            new RateLimit(POST, "/api/backups/*/restore", 5, Duration.ofMinutes(1)),
            new RateLimit(POST, "/api/restores", 5, Duration.ofMinutes(1)),
            new RateLimit(POST, "/api/backups/*/verify", 10, Duration.ofMinutes(1)),
            new RateLimit(POST, "/api/backups", 10, Duration.ofMinutes(1)),
            // reads every unknown backup's dump in full
            new RateLimit(POST, "/api/catalog/rebuild", 2, Duration.ofMinutes(1)));

    @Bean
    ServiceRateLimits backupRateLimitRows() {
        return () -> LIMITS;
    }
}
