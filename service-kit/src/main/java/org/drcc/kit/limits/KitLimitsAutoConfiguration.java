package org.drcc.kit.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;

/** The request body cap (before security) and the rate limits on expensive operations (after it). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LimitsProperties.class)
public class KitLimitsAutoConfiguration {

    /** The kit's own expensive operations: a verify reads the whole chain; a rotation re-wraps every key. */
    static final List<RateLimit> KIT = List.of(
            new RateLimit(HttpMethod.GET, "/api/audit/verify", 5, Duration.ofMinutes(1)),
            new RateLimit(HttpMethod.POST, "/api/privacy/keyring/rotate", 2, Duration.ofMinutes(1)));

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(LimitsProperties properties) {
        FilterRegistrationBean<BodySizeFilter> registration =
                new FilterRegistrationBean<>(new BodySizeFilter(properties.maxRequestBody()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Every declared limit, or none when {@code dr.limits.rate-limits} is off. */
    private static List<RateLimit> declared(LimitsProperties properties, ObjectProvider<ServiceRateLimits> services) {
        return properties.rateLimits() ? java.util.stream.Stream.concat(
                services.orderedStream().flatMap(s -> s.limits().stream()), KIT.stream()).toList() : List.of();
    }

    /** The limiters of the filter and of the limits a service checks in its own code: one cache for both. */
    @Bean
    RateLimiters rateLimiters(LimitsProperties properties, ObjectProvider<ServiceRateLimits> services) {
        Duration longest = RateLimitFilter.longest(declared(properties, services));
        return new RateLimiters(longest.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : longest);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(LimitsProperties properties,
                                                            ObjectProvider<ServiceRateLimits> services,
                                                            RateLimiters limiters) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(declared(properties, services), limiters));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
