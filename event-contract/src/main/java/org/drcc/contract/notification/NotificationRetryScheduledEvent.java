package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** An attempt failed; the message is tried again at {@code nextAttemptAt}. */
@JsonTypeName("dr.notification.retried.v1")
public record NotificationRetryScheduledEvent(
        String notificationId,
        String incidentId,
        String channel,
        int attempt,
        String cause,
        Instant nextAttemptAt,
        Instant occurredAt) implements NotificationEvent {
}
