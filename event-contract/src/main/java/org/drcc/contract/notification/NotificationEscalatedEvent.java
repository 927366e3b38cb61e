package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;

/**
 * Nobody of {@code tier} acknowledged the declaration {@code sourceEventId} within {@code after}:
 * the escalation audiences are told. {@code notificationId} is the escalation's own id, derived
 * from the declaration, so one declaration escalates at most once.
 */
@JsonTypeName("dr.notification.escalated.v1")
public record NotificationEscalatedEvent(
        String notificationId,
        String incidentId,
        String sourceEventId,
        String tier,
        Duration after,
        Instant occurredAt) implements NotificationEvent {
}
