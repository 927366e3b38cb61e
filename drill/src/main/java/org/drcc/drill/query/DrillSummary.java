package org.drcc.drill.query;

import java.time.Duration;
import java.time.Instant;

/** A drill as listed: its outcome and what it measured against the scenario's targets. */
public record DrillSummary(
        String drillId,
        String scenario,
        String database,
        String trigger,
        String status,
        String actor,
        String incidentId,
        Instant startedAt,
        Instant finishedAt,
        String reason,
        String backupId,
        Instant restorePoint,
        Duration rto,
        Duration rtoTarget,
        Duration rpo,
        Duration rpoTarget,
        String pendingCleanup,
        String reportBucket,
        String reportKey,
        Instant reportRetainUntil) {
}
