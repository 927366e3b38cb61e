package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The per-incident definitions, as pure functions of the facts (see the service README). */
public final class RecoveryRules {

    private RecoveryRules() {
    }

    /** restoredAt − declaredAt; empty until both are known. */
    public static Optional<Duration> timeToRecover(IncidentFact f) {
        if (f.declaredAt() == null || f.restoredAt() == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(f.declaredAt(), f.restoredAt()));
    }

    /**
     * RTO achieved when the time to recover is at most the RTO. An unrestored incident whose RTO has
     * already elapsed at {@code asOf} is a miss now: waiting for its restore would hide the miss.
     */
    public static Verdict rto(IncidentFact f, Instant asOf) {
        if (f.cancelledAt() != null || f.declaredAt() == null) {
            return f.cancelledAt() != null ? Verdict.NOT_APPLICABLE : Verdict.PENDING;
        }
        Optional<Duration> recovered = timeToRecover(f);
        if (recovered.isPresent()) {
            return recovered.get().compareTo(f.rto()) <= 0 ? Verdict.ACHIEVED : Verdict.MISSED;
        }
        return Duration.between(f.declaredAt(), asOf).compareTo(f.rto()) > 0 ? Verdict.MISSED : Verdict.PENDING;
    }

    /**
     * suspectedDamageStart − restorePoint; empty when either is unknown, and when the restore point is
     * after the damage start (that backup may hold the damage: no data loss can be claimed from it).
     */
    public static Optional<Duration> dataLoss(IncidentFact f) {
        if (f.suspectedDamageStart() == null || f.restorePoint() == null
                || f.restorePoint().isAfter(f.suspectedDamageStart())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(f.restorePoint(), f.suspectedDamageStart()));
    }

    /** RPO achieved when the data loss is at most the RPO; UNKNOWN (not achieved) when it cannot be measured. */
    public static Verdict rpo(IncidentFact f) {
        if (f.rpo() == null || f.cancelledAt() != null) {
            return Verdict.NOT_APPLICABLE;
        }
        if (f.restoredAt() == null) {
            return Verdict.PENDING;
        }
        return dataLoss(f).map(loss -> loss.compareTo(f.rpo()) <= 0 ? Verdict.ACHIEVED : Verdict.MISSED)
                .orElse(Verdict.UNKNOWN);
    }

    /**
     * A drill succeeds when it reached RESTORED within its RTO and its RPO (or the scenario has none).
     * A cancelled drill never reached RESTORED: a failure. Empty while it can still succeed.
     */
    public static Optional<Boolean> drillSucceeded(IncidentFact f, Instant asOf) {
        if (f.cancelledAt() != null) {
            return Optional.of(false);
        }
        Verdict rto = rto(f, asOf);
        if (rto == Verdict.PENDING) {
            return Optional.empty();
        }
        Verdict rpo = rpo(f);
        return Optional.of(rto == Verdict.ACHIEVED && (rpo == Verdict.ACHIEVED || rpo == Verdict.NOT_APPLICABLE));
    }
}
