package org.drcc.notification.kafka;

import org.drcc.contract.Topics;
import org.drcc.contract.notification.NotificationEvent;
import org.drcc.kit.axon.RelayRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kit's relay sends stored notification events to {@code dr.notification.events}, keyed by incident so
 * one incident's messages stay in order.
 */
@Configuration(proxyBeanMethods = false)
class NotificationEventRoute {

    @Bean
    RelayRoute<NotificationEvent> notificationEvents() {
        return RelayRoute.keyedByField(NotificationEvent.class, Topics.NOTIFICATION_EVENTS, "incidentId");
    }
}
