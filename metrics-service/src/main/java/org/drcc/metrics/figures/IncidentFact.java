package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;

/**
 * What the metrics know of one incident, projected from its events. {@code rpo} is null where the
 * scenario has no data to lose (versioned code); {@code declaredAt} is null while only later events of
 * the incident have been seen (they carry the targets, not the declaration).
 */
public record IncidentFact(
        String incidentId,
        String scenario,
        String severity,
        boolean drill,
        Duration rto,
        Duration rpo,
        Instant detectedAt,
        Instant suspectedDamageStart,
        Instant declaredAt,
        Instant restoredAt,
        Instant restorePoint,
        String backupId,
        Instant closedAt,
        Instant cancelledAt) {
}
