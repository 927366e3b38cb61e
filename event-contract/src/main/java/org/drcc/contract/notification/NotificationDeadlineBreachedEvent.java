package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The tier's deadline passed before the message was sent (late, failed or still waiting). */
@JsonTypeName("dr.notification.deadline-breached.v1")
public record NotificationDeadlineBreachedEvent(
        String notificationId,
        String incidentId,
        String tier,
        Instant dueAt,
        Instant occurredAt) implements NotificationEvent {
}
