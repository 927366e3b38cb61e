package org.drcc.drill.config;

import java.time.Clock;
import org.drcc.drill.job.DrillProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

@Configuration
@EnableConfigurationProperties(DrillProperties.class)
class DrillConfig {

    /**
     * The one client of incident-service. Every header it sends is set here and only here, so the drill's
     * bearer token ({@link DrillTokens}) is added in one place.
     */
    @Bean
    RestClient incidentClient(RestClient.Builder builder, DrillProperties properties, Environment environment) {
        DrillTokens tokens = new DrillTokens(properties.token(), properties.tokenSigningKey(), properties.actor(),
                environment.getProperty("dr.security.issuer"), environment.getProperty("dr.security.audience"),
                Clock.systemUTC());
        return builder.clone()
                .baseUrl(properties.incidentUrl().toString())
                .defaultHeaders(headers -> headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON)))
                .requestInterceptor((request, body, execution) -> {
                    String token = tokens.current();
                    if (!token.isEmpty()) {
                        request.getHeaders().setBearerAuth(token);
                    }
                    return execution.execute(request, body);
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
