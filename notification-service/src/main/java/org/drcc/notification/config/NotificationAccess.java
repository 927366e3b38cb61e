package org.drcc.notification.config;

import static org.drcc.kit.security.Permission.allow;
import static org.drcc.kit.security.Permission.open;
import static org.drcc.kit.security.Roles.ALL;
import static org.drcc.kit.security.Roles.DR_LEAD;
import static org.drcc.kit.security.Roles.RESPONDERS;
import static org.drcc.kit.security.Roles.SUPPORT;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import org.drcc.kit.privacy.PersonalColumn;
import org.drcc.kit.privacy.PersonalColumns;
import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.ServicePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** notification-service's rows of the kit's tables: who may call the API (the root README's table), whose names it keeps. */
@Configuration(proxyBeanMethods = false)
public class NotificationAccess {

    /** First match wins. */
    @Bean
    ServicePermissions notificationPermissionRows() {
        return () -> PermissionTable.of(
                // the public status page, for the food-truck users: no token
                open(GET, "/status"),
                open(GET, "/status.json"),
                open(GET, "/status/feed.atom"),
                open(GET, "/api/status"),
                // subscribing to it, by e-mail or webhook: public, rate-limited per client address and per target
                open(POST, "/api/status/subscriptions"),
                open(POST, "/api/status/subscriptions/confirm"),
                open(POST, "/api/status/subscriptions/unsubscribe"),
                open(POST, "/status/subscribe"),
                open(GET, "/status/subscriptions/confirm"),
                open(POST, "/status/subscriptions/confirm"),
                open(GET, "/status/subscriptions/unsubscribe"),
                open(POST, "/status/subscriptions/unsubscribe"),
                allow(POST, "/api/notifications/*/acknowledge", RESPONDERS),
                // what the public reads: previewed by any responder, published by the DR lead or support
                allow(POST, "/api/status/incidents/*/updates/preview", RESPONDERS),
                allow(POST, "/api/status/incidents/*/updates", DR_LEAD, SUPPORT),
                allow(GET, "/api/incidents/*/notifications", ALL),
                allow(GET, "/api/notifications/deadlines", ALL),
                allow(PUT, "/api/plan", DR_LEAD),
                allow(PUT, "/api/plan/audiences/*", DR_LEAD),
                allow(GET, "/api/plan", ALL),
                allow(GET, "/api/plan/revisions", ALL),
                allow(GET, "/api/databases/*/notifications", ALL),
                allow(GET, "/api/plan/reviews/notifications", ALL));
    }

    /**
     * Where the read models hold names and addresses in clear: overwritten when a person is forgotten. The
     * communication plan itself (its contacts) changes through the plan API.
     */
    @Bean
    PersonalColumns notificationPersonalColumns() {
        return () -> List.of(
                PersonalColumn.value("notification_delivery", "contact"),
                PersonalColumn.value("notification_delivery", "acknowledged_by"),
                PersonalColumn.value("communication_plan_revision", "actor"),
                PersonalColumn.value("incident_brief", "dr_lead"),
                PersonalColumn.value("status_update", "published_by"));
    }
}
