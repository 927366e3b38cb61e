package org.drcc.notification.config;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.ehcache.core.spi.time.SystemTimeSource;
import org.ehcache.core.spi.time.TimeSource;
import org.ehcache.impl.internal.TimeSourceConfiguration;
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

    /**
     * Notifications the cache holds: a burst's worth (100 incidents declared at once owe some 2,000 messages with the
     * default plan), a few kilobytes each.
     */
    static final int CACHED_NOTIFICATIONS = 10_000;
    /** How long a notification stays cached unused: a burst's claim and record come within seconds of its schedule. */
    static final Duration CACHED_IDLE = Duration.ofMinutes(1);

    @Bean
    RetryPolicy retryPolicy(DeliverySettings settings) {
        return new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.backoffMultiplier());
    }

    /**
     * Notifications loaded from memory instead of their events: the dispatcher claims and then records each message,
     * two commands on the same aggregate milliseconds apart, and a message is claimed soon after it was scheduled. With
     * several instances a copy is used only while it is the stored one ({@code command/NotificationRepository} asks
     * the event store for the last sequence number first). Held strongly (Ehcache 3's heap tier, through Axon's own
     * adapter), up to {@link #CACHED_NOTIFICATIONS} (when full, Ehcache evicts one of the least recently used) and
     * for {@link #CACHED_IDLE} since its last use: the weak references held before were cleared by the young
     * collections (about one a second in a burst) before the dispatcher claimed most messages, which were then loaded
     * from the event store (a snapshot query, an events query, each event read into its class, a Spring prototype
     * bean made: a sixth of the senders' time, JFR in {@code docs/benchmarks.md}, Notifications). The idle bound
     * keeps a message's opened contact in memory no longer than that after an erasure.
     */
    @Bean(destroyMethod = "close")
    CacheManager notificationCacheManager() {
        return notificationCacheManager(SystemTimeSource.INSTANCE);
    }

    static CacheManager notificationCacheManager(TimeSource time) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .using(new TimeSourceConfiguration(time))
                .withCache("notifications", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class,
                                Object.class, ResourcePoolsBuilder.heap(CACHED_NOTIFICATIONS))
                        .withExpiry(ExpiryPolicyBuilder.timeToIdleExpiration(CACHED_IDLE)))
                .build(true);
    }

    @Bean
    Cache notificationCache(CacheManager caches) {
        // Axon's adapter takes Ehcache's implementation class, which every heap cache of a CacheManager is
        return new EhCache3Adapter((Ehcache<Object, Object>) caches.getCache("notifications", Object.class, Object.class));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
