package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;

/**
 * What the metrics know of one incident, projected from its events. {@code rpo} is null where the
 * scenario has no data to lose (versioned code); {@code declaredAt} is null while only later events of
 * the incident have been seen (they carry the targets, not the declaration). The event ids name the events the
 * clocks were read from: {@code declaredEventId} ({@code dr.incident.declared.v1}: detection and damage start),
 * {@code restoredEventId} ({@code dr.incident.restored.v1}); {@code restoreEvidence} is {@code LINKED} (the restore
 * point is that of backup-service's {@code dr.backup.restored.v1} {@code restoreSourceEventId}), {@code MANUAL}
 * (typed and vouched for by a person) or null (recorded without evidence, before it was kept).
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
        Instant cancelledAt,
        String declaredEventId,
        String restoredEventId,
        String restoreEvidence,
        String restoreSourceEventId) {

    /** The facts without the events they came from (tests of the definitions). */
    public IncidentFact(String incidentId, String scenario, String severity, boolean drill, Duration rto, Duration rpo,
                        Instant detectedAt, Instant suspectedDamageStart, Instant declaredAt, Instant restoredAt,
                        Instant restorePoint, String backupId, Instant closedAt, Instant cancelledAt) {
        this(incidentId, scenario, severity, drill, rto, rpo, detectedAt, suspectedDamageStart, declaredAt, restoredAt,
                restorePoint, backupId, closedAt, cancelledAt, null, null, null, null);
    }
}
