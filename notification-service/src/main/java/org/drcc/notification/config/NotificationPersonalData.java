package org.drcc.notification.config;

import java.util.List;
import org.drcc.kit.privacy.PersonalColumn;
import org.drcc.kit.privacy.PersonalColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where notification-service's read models hold names and addresses in clear: overwritten when a person is forgotten. The communication plan itself (its contacts) changes through the plan API. */
@Configuration(proxyBeanMethods = false)
public class NotificationPersonalData {

    @Bean
    PersonalColumns notificationPersonalColumns() {
        return () -> List.of(
                PersonalColumn.value("notification_delivery", "contact"),
                PersonalColumn.value("notification_delivery", "acknowledged_by"),
                PersonalColumn.value("communication_plan_revision", "actor"));
    }
}
