package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The channel accepted the message, at the given attempt (1 = first try). */
@JsonTypeName("dr.notification.sent.v1")
public record NotificationSentEvent(
        String notificationId,
        String incidentId,
        String channel,
        int attempt,
        Instant occurredAt) implements NotificationEvent {
}
