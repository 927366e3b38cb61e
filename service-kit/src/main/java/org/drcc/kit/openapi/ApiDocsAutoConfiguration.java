package org.drcc.kit.openapi;

import org.drcc.kit.limits.LimitsProperties;
import org.drcc.kit.limits.ServiceRateLimits;
import org.drcc.kit.security.PermissionTable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/** The kit's OpenAPI customizer, for every service with springdoc on its class path. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsAutoConfiguration {

    @Bean
    OpenApiCustomizer drApiDocument(@Value("${spring.application.name:service}") String service,
                                    ObjectProvider<BuildProperties> build, ResourceLoader resources,
                                    ObjectProvider<PermissionTable> permissions,
                                    ObjectProvider<ServiceRateLimits> rateLimits, ObjectProvider<LimitsProperties> limits) {
        ServiceInfo info = ServiceInfo.of(service, build.getIfAvailable(), resources);
        boolean limited = limits.getIfAvailable() == null || limits.getIfAvailable().rateLimits();
        return new ApiDocument(info, new OperationFacts(permissions.getIfAvailable(),
                limited ? rateLimits.orderedStream().flatMap(r -> r.limits().stream()).toList() : java.util.List.of()));
    }
}
