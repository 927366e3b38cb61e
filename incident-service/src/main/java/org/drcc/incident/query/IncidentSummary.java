package org.drcc.incident.query;

import java.time.Instant;

/** A line of the incident list. */
public record IncidentSummary(
        String id,
        String scenario,
        String title,
        String severity,
        String status,
        boolean drill,
        Instant declaredAt,
        Instant updatedAt,
        long version) {
}
