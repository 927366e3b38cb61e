package org.drcc.notification.config;

import static org.drcc.kit.security.Permission.allow;
import static org.drcc.kit.security.Permission.open;
import static org.drcc.kit.security.Roles.ALL;
import static org.drcc.kit.security.Roles.DR_LEAD;
import static org.drcc.kit.security.Roles.RESPONDERS;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.ServicePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may do what on notification-service: the root README's permission table, first match wins. */
@Configuration(proxyBeanMethods = false)
public class NotificationPermissions {

    static final PermissionTable TABLE = PermissionTable.of(
            // the public status page, for the food-truck users: no token
            open(GET, "/status"),
            open(GET, "/status.json"),
            open(GET, "/status/feed.atom"),
            open(GET, "/api/status"),
            allow(POST, "/api/notifications/*/acknowledge", RESPONDERS),
            allow(GET, "/api/incidents/*/notifications", ALL),
            allow(PUT, "/api/plan", DR_LEAD),
            allow(PUT, "/api/plan/audiences/*", DR_LEAD),
            allow(GET, "/api/plan", ALL),
            allow(GET, "/api/plan/revisions", ALL),
            allow(GET, "/api/databases/*/notifications", ALL));

    @Bean
    ServicePermissions notificationPermissionRows() {
        return () -> TABLE;
    }
}
