package org.drcc.incident.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One event of the audit trail, with its data as stored. */
public record AuditEvent(
        String eventId,
        String incidentId,
        long sequence,
        String type,
        String actor,
        Instant occurredAt,
        @JsonRawValue String data) {
}
