package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The message was sent before its tier's deadline. */
@JsonTypeName("dr.notification.deadline-met.v1")
public record NotificationDeadlineMetEvent(
        String notificationId,
        String incidentId,
        String tier,
        Instant dueAt,
        Instant occurredAt) implements NotificationEvent {
}
