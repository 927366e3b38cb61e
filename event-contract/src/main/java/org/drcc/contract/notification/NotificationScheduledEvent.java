package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * A message is owed: its kind (incident-declaration, status-update, recovery-completion,
 * post-incident-summary), the incident event that caused it, who gets it through which channel, the
 * rendered text, and the tier's deadline (null for messages without one).
 */
@JsonTypeName("dr.notification.scheduled.v1")
public record NotificationScheduledEvent(
        String notificationId,
        String incidentId,
        String sourceEventId,
        String kind,
        String tier,
        String audience,
        @PersonalData String contact,
        String channel,
        String subject,
        @PersonalData(subject = "contact") String body,
        Instant dueAt,
        Instant occurredAt) implements NotificationEvent {
}
