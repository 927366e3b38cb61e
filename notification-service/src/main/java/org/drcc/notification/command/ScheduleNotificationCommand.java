package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owe one message to one contact; the id comes from {@link NotificationId}, so a repeat is a no-op. */
public record ScheduleNotificationCommand(
        @TargetAggregateIdentifier String notificationId,
        String incidentId,
        String sourceEventId,
        Envelope envelope,
        String kind,
        String tier,
        Instant dueAt,
        Instant at) {
}
