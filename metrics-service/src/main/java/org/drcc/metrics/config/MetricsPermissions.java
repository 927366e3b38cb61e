package org.drcc.metrics.config;

import static org.drcc.kit.security.Permission.allow;
import static org.drcc.kit.security.Roles.ALL;
import static org.drcc.kit.security.Roles.DEVOPS;
import static org.drcc.kit.security.Roles.DR_LEAD;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.ServicePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may do what on metrics-service: the root README's permission table, first match wins. */
@Configuration(proxyBeanMethods = false)
public class MetricsPermissions {

    @Bean
    ServicePermissions metricsPermissionRows() {
        return () -> PermissionTable.of(
                allow(POST, "/api/metrics/replay", DEVOPS, DR_LEAD),
                allow(POST, "/api/metrics/reports/*", DEVOPS, DR_LEAD),
                allow(GET, "/api/metrics", ALL),
                allow(GET, "/api/metrics/**", ALL));
    }
}
