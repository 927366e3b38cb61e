package org.drcc.notification.status;

import java.time.Instant;

/** One publishable line of an incident's story: its status after the event, a public text, a time. */
public record PublicUpdate(String eventId, String incidentId, String status, String text, Instant occurredAt) {
}
