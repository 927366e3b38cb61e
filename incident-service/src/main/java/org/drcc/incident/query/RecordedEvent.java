package org.drcc.incident.query;

import java.time.Instant;

/** One stored event of an incident, as the audit trail shows it. */
public record RecordedEvent(
        String eventId,
        long sequence,
        String type,
        Instant occurredAt,
        String actor,
        Object data) {
}
