package org.drcc.metrics.figures;

import static org.drcc.recovery.RecoveryRules.LaterRestorePoint.UNKNOWN_LOSS;

import java.time.Duration;
import java.time.Instant;
import org.drcc.recovery.RecoveryRules;
import org.drcc.recovery.Verdict;

/** One incident's RTO and RPO detail; a null duration means not known (yet). */
public record IncidentRecovery(
        IncidentFact facts,
        String state,
        Duration timeToRecover,
        Verdict rto,
        Duration dataLoss,
        Verdict rpo) {

    /** A cancelled false alarm had no target; the RPO waits for the restore; a loss is claimed only if proven. */
    public static IncidentRecovery of(IncidentFact f, Instant asOf) {
        Duration loss = RecoveryRules.dataLoss(f.restorePoint(), f.suspectedDamageStart(), UNKNOWN_LOSS).orElse(null);
        Duration time = RecoveryRules.timeToRecover(f.declaredAt(), f.restoredAt()).orElse(null);
        boolean cancelled = f.cancelledAt() != null;
        return new IncidentRecovery(f, state(f), time,
                cancelled ? Verdict.NOT_APPLICABLE : RecoveryRules.rto(f.declaredAt(), f.restoredAt(), f.rto(), asOf),
                loss, cancelled || f.rpo() == null ? Verdict.NOT_APPLICABLE
                        : f.restoredAt() == null ? Verdict.PENDING : RecoveryRules.rpo(loss, f.rpo()));
    }

    /** The furthest state the metrics know of; the incident-service holds the full lifecycle. */
    static String state(IncidentFact f) {
        if (f.cancelledAt() != null) {
            return "CANCELLED";
        }
        if (f.closedAt() != null) {
            return "CLOSED";
        }
        return f.restoredAt() != null ? "RESTORED" : "OPEN";
    }
}
