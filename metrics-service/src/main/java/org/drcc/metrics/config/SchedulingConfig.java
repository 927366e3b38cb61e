package org.drcc.metrics.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The monthly report's schedule ({@code dr.metrics.report-cron}). */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
