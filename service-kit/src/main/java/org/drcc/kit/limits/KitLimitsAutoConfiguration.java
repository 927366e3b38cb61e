package org.drcc.kit.limits;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** The request body cap (before security) and the rate limits on expensive operations (after it). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LimitsProperties.class)
public class KitLimitsAutoConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(LimitsProperties properties) {
        FilterRegistrationBean<BodySizeFilter> registration =
                new FilterRegistrationBean<>(new BodySizeFilter(properties.maxRequestBody()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(LimitsProperties properties,
                                                            ObjectProvider<ServiceRateLimits> services) {
        List<RateLimit> limits = properties.rateLimits()
                ? services.orderedStream().flatMap(s -> s.limits().stream()).toList() : List.of();
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(limits));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
