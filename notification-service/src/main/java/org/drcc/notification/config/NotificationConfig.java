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

    /**
     * Notifications loaded from memory instead of their events: the dispatcher claims and then records each message,
     * two commands on the same aggregate milliseconds apart. Safe with several instances: a cached aggregate that
     * another instance changed meanwhile fails to append (its sequence number is taken), and Axon drops it from the
     * cache on that rollback, so the next attempt loads it from the event store. Weak references: the JVM's
     * memory bounds it.
     */
    @Bean
    org.axonframework.common.caching.Cache notificationCache() {
        return new org.axonframework.common.caching.WeakReferenceCache();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
