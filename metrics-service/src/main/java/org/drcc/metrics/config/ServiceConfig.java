package org.drcc.metrics.config;

import java.time.Clock;
import org.drcc.metrics.gauges.GaugeSettings;
import org.drcc.metrics.kafka.ReplaySettings;
import org.drcc.metrics.report.ReportSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service's wiring: one clock, the settings records, scheduling for the monthly report ({@code dr.metrics.report-cron}). */
@Configuration
@EnableScheduling
@EnableConfigurationProperties({GaugeSettings.class, ReplaySettings.class, ReportSettings.class})
class ServiceConfig {

    /** The one clock: "now" decides which open incidents have already missed their RTO. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
