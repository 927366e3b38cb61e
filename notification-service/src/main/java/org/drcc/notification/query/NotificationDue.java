package org.drcc.notification.query;

import java.time.Instant;

/**
 * A message the communication plan owes an audience about an incident, and by when. Delivery
 * through the channels is not built yet: every row is PENDING until it is.
 */
public record NotificationDue(
        String incidentId,
        String tier,
        String audience,
        String reason,
        Instant dueAt,
        String status) {
}
