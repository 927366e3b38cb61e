package org.drcc.metrics.query;

import java.time.Instant;

/** What the metrics know of one incident; {@code rpoSeconds} is null where the scenario has no RPO. */
public record IncidentFact(
        String incidentId,
        String scenario,
        String severity,
        boolean drill,
        long rtoSeconds,
        Long rpoSeconds,
        Instant detectedAt,
        Instant suspectedDamageStart,
        Instant declaredAt,
        Instant closedAt) {
}
