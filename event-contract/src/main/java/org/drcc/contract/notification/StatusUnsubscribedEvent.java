package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** A status page subscriber unsubscribed (by their link or token): no update goes to them from now on. */
@JsonTypeName("dr.notification.status-unsubscribed.v1")
public record StatusUnsubscribedEvent(
        String notificationId,
        String incidentId,
        String channel,
        Instant occurredAt) implements NotificationEvent {
}
