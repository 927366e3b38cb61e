package org.drcc.notification.config;

import static org.springframework.http.HttpMethod.POST;

import java.util.List;
import org.drcc.kit.limits.RateLimit;
import org.drcc.kit.limits.ServiceRateLimits;
import org.drcc.notification.subscription.SubscriptionSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status page subscriptions' rows of the kit's rate limits: how often a client may subscribe. */
@Configuration(proxyBeanMethods = false)
public class SubscriptionLimits {

    /**
     * Subscribing to the status page is public: each client address may subscribe {@code per-client-address} times
     * per {@code per-client-period} (the form and the API each), each address or URL {@code per-target} times per
     * {@code per-target-period} (checked by the subscriptions themselves, through the kit's same limiters).
     */
    @Bean
    ServiceRateLimits notificationRateLimitRows(SubscriptionSettings settings) {
        return () -> List.of(
                RateLimit.perClientAddress(POST, "/api/status/subscriptions", settings.perClientAddress(),
                        settings.perClientPeriod()),
                RateLimit.perClientAddress(POST, "/status/subscribe", settings.perClientAddress(),
                        settings.perClientPeriod()));
    }
}
