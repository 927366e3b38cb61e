package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** An e-mail subscription to the status page was not confirmed by its deadline: it is dropped, its address destroyed. */
@JsonTypeName("dr.notification.status-subscription-expired.v1")
public record StatusSubscriptionExpiredEvent(
        String notificationId,
        String incidentId,
        String channel,
        Instant occurredAt) implements NotificationEvent {
}
