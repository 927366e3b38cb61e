package org.drcc.notification.query;

import java.time.Instant;

/** One notification as the API shows it: what, to whom, how, and how it went. */
public record DeliveryView(
        String notificationId,
        String incidentId,
        String kind,
        String tier,
        String audience,
        String contact,
        String channel,
        String subject,
        String status,
        int attempts,
        String lastError,
        Instant dueAt,
        String deadline,
        Instant scheduledAt,
        Instant sentAt,
        String acknowledgedBy,
        Instant acknowledgedAt) {
}
