package org.drcc.kit.correlation;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.listener.RecordInterceptor;

/** The correlation id's path: HTTP request, log context, Axon metadata, Kafka header, consumer's log context. */
@AutoConfiguration
public class CorrelationAutoConfiguration {

    /** First of all filters, so that even a refused (401, 429) request's log lines and answer carry the id. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<CorrelationFilter> correlationFilter() {
        FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Spring Boot gives the listener containers this interceptor. */
    @Bean
    RecordInterceptor<Object, Object> correlationRecords() {
        return new CorrelationRecords();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CorrelationDataProvider.class)
    static class AxonMessages {

        @Bean
        CorrelationDataProvider correlationMetaData() {
            return new CorrelationMetaData();
        }

        /** Axon's own (trace and causation ids), which it registers only when no provider is declared. */
        @Bean
        CorrelationDataProvider axonMessageOrigin() {
            return new MessageOriginProvider();
        }
    }
}
