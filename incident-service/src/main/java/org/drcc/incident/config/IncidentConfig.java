package org.drcc.incident.config;

import java.time.Clock;
import org.drcc.incident.scenario.ScenarioCatalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ScenarioProperties.class)
class IncidentConfig {

    @Bean
    ScenarioCatalog scenarioCatalog(ScenarioProperties properties) {
        return ScenarioCatalog.load(properties.location());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
