package org.drcc.incident.config;

import java.time.Clock;
import org.drcc.incident.plan.Plan;
import org.drcc.incident.plan.PlanProperties;
import org.drcc.incident.report.ReportSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling // the plan's review schedule (review/ReviewSchedule), the phase windows' clock
@EnableConfigurationProperties({PlanProperties.class, ReportSettings.class})
class IncidentConfig {

    @Bean
    Plan plan(PlanProperties properties) {
        return Plan.load(properties.location());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
