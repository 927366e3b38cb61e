package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** A status page subscription is confirmed (the e-mail's link was followed, or the webhook answered 2xx). */
@JsonTypeName("dr.notification.status-subscription-confirmed.v1")
public record StatusSubscriptionConfirmedEvent(
        String notificationId,
        String incidentId,
        String channel,
        Instant occurredAt) implements NotificationEvent {
}
