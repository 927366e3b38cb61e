package org.drcc.notification.config;

import java.time.Clock;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.drcc.notification.channel.DeliverySettings;
import org.drcc.notification.command.Notification;
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

    /**
     * A notification loaded from its events (a claim whose aggregate the cache above no longer holds) is made with
     * its constructor. Axon's default under Spring, a prototype bean per aggregate, went through the bean factory's
     * whole creation for every load, a third of the load's time (JFR, {@code docs/benchmarks.md}, Notifications); a
     * notification has nothing for Spring to inject. Axon takes the bean named after the aggregate.
     */
    @Bean
    AggregateFactory<Notification> notificationAggregateFactory() {
        return new GenericAggregateFactory<>(Notification.class);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
