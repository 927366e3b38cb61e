package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;

/** Builds incident facts for the definition tests: database-corruption targets (RTO 2 h, RPO 1 h) by default. */
final class Facts {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private String id = "i-1";
    private boolean drill;
    private Duration rto = Duration.ofHours(2);
    private Duration rpo = Duration.ofHours(1);
    private Instant damageStart;
    private Instant declaredAt;
    private Instant detectedAt;
    private Instant restoredAt;
    private Instant restorePoint;
    private Instant closedAt;
    private Instant cancelledAt;

    /** Declared {@code hours} after T0, with the damage suspected to have started 30 minutes before. */
    static Facts declaredAt(double hours) {
        Facts f = new Facts();
        f.declaredAt = at(hours);
        f.damageStart = f.declaredAt.minus(Duration.ofMinutes(30));
        f.id = "i-" + hours;
        return f;
    }

    static Instant at(double hours) {
        return T0.plusSeconds(Math.round(hours * 3600));
    }

    /** Restored {@code hours} after the declaration from a backup taken {@code lossMinutes} before the damage. */
    Facts restored(double hours, long lossMinutes) {
        restoredAt = declaredAt.plusSeconds(Math.round(hours * 3600));
        restorePoint = damageStart == null ? declaredAt.minus(Duration.ofHours(1))
                : damageStart.minus(Duration.ofMinutes(lossMinutes));
        return this;
    }

    Facts drill() {
        drill = true;
        return this;
    }

    Facts noRpo() {
        rpo = null;
        return this;
    }

    Facts noDamageStart() {
        damageStart = null;
        return this;
    }

    Facts damageStart(Instant at) {
        damageStart = at;
        return this;
    }

    /** Service was lost {@code hours} before the declaration (the detection time). */
    Facts detectedBefore(double hours) {
        detectedAt = declaredAt.minusSeconds(Math.round(hours * 3600));
        return this;
    }

    Facts closedAfter(double hours) {
        closedAt = declaredAt.plusSeconds(Math.round(hours * 3600));
        return this;
    }

    Facts cancelledAfter(double hours) {
        cancelledAt = declaredAt.plusSeconds(Math.round(hours * 3600));
        return this;
    }

    IncidentFact build() {
        return new IncidentFact(id, "database-corruption", "HIGH", drill, rto, rpo,
                detectedAt == null ? declaredAt : detectedAt, damageStart,
                declaredAt, restoredAt, restorePoint, restoredAt == null ? null : "b-1", closedAt, cancelledAt);
    }
}
