package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The channel refused the message on every attempt: given up, with the last cause. */
@JsonTypeName("dr.notification.failed.v1")
public record NotificationFailedEvent(
        String notificationId,
        String incidentId,
        String channel,
        int attempts,
        String cause,
        Instant occurredAt) implements NotificationEvent {
}
