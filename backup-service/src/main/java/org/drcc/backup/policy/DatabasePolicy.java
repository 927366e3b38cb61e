package org.drcc.backup.policy;

import java.time.Duration;
import org.drcc.backup.retention.RetentionPolicy;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy of one protected database. Critical data is backed up hourly with a 1 h RPO, other data
 * daily with a 24 h RPO (the DR plan's targets); either can be set explicitly.
 *
 * @param schedule a Spring cron expression (seconds first)
 */
public record DatabasePolicy(
        String url,
        @DefaultValue("postgres") String username,
        @DefaultValue("") String password,
        @DefaultValue("true") boolean critical,
        String schedule,
        Duration rpo,
        @DefaultValue RetentionPolicy retention) {

    public static final String HOURLY = "0 0 * * * *";
    public static final String DAILY = "0 0 1 * * *";

    public DatabasePolicy {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a protected database needs its JDBC url");
        }
        schedule = schedule == null || schedule.isBlank() ? (critical ? HOURLY : DAILY) : schedule;
        rpo = rpo == null ? (critical ? Duration.ofHours(1) : Duration.ofHours(24)) : rpo;
        retention = retention == null ? RetentionPolicy.PLAN : retention;
    }
}
