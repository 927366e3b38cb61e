package org.drcc.notification.config;

import java.time.Clock;
import org.drcc.notification.channel.DeliverySettings;
import org.drcc.notification.command.RetryPolicy;
import org.drcc.notification.egress.AllowedHosts;
import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.status.StatusPageSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties({CommunicationPlan.class, DeliverySettings.class, StatusPageSettings.class,
        AllowedHosts.class, org.drcc.notification.subscription.SubscriptionSettings.class})
class NotificationConfig {

    @Bean
    RetryPolicy retryPolicy(DeliverySettings settings) {
        return new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.backoffMultiplier());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
