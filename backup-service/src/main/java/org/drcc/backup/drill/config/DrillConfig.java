package org.drcc.backup.drill.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

@Configuration
@EnableConfigurationProperties(DrillProperties.class)
class DrillConfig {

    /**
     * The one client of incident-service. Every header it sends is set here and only here, so that a
     * bearer token (issue 9) is added in one place.
     */
    @Bean
    RestClient incidentClient(RestClient.Builder builder, DrillProperties properties) {
        return builder.clone()
                .baseUrl(properties.incidentUrl().toString())
                .defaultHeaders(headers -> {
                    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
                    headers.set("X-Actor", properties.actor());
                })
                .build();
    }

    /** One drill at a time: a second one (a schedule firing during a manual drill) waits its turn. */
    @Bean
    TaskExecutor drillTasks() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("drill-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(20);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
