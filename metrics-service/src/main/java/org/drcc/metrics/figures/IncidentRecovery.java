package org.drcc.metrics.figures;

import static org.drcc.recovery.RecoveryRules.LaterRestorePoint.UNKNOWN_LOSS;

import java.time.Duration;
import java.time.Instant;
import org.drcc.recovery.RecoveryRules;
import org.drcc.recovery.Verdict;

/**
 * One incident's RTO and RPO detail; a null duration means not known (yet). {@code recoveryClock} and
 * {@code dataLossClock} name the two events each figure was computed from; {@code restoreEvidence} says whether
 * the restore point was checked against backup-service's restore ({@code LINKED}) or typed ({@code MANUAL}).
 */
public record IncidentRecovery(
        IncidentFact facts,
        String state,
        Duration timeToRecover,
        Verdict rto,
        Duration dataLoss,
        Verdict rpo,
        Measured recoveryClock,
        Measured dataLossClock,
        String restoreEvidence) {

    static final String DECLARED = "dr.incident.declared.v1";
    static final String RESTORED = "dr.incident.restored.v1";
    static final String BACKUP_RESTORED = "dr.backup.restored.v1";

    /**
     * The RTO clock runs from the moment service was lost (the incident's detection time, which the declaration
     * may set to the start of the outage; its declaration when not known) to the restore. A cancelled false alarm
     * had no target; the RPO waits for the restore; a loss is claimed only if proven.
     */
    public static IncidentRecovery of(IncidentFact f, Instant asOf) {
        Instant lost = outageStart(f);
        Duration loss = RecoveryRules.dataLoss(f.restorePoint(), f.suspectedDamageStart(), UNKNOWN_LOSS).orElse(null);
        Duration time = RecoveryRules.timeToRecover(lost, f.restoredAt()).orElse(null);
        boolean cancelled = f.cancelledAt() != null;
        return new IncidentRecovery(f, state(f), time,
                cancelled ? Verdict.NOT_APPLICABLE : RecoveryRules.rto(lost, f.restoredAt(), f.rto(), asOf),
                loss, cancelled || f.rpo() == null ? Verdict.NOT_APPLICABLE
                        : f.restoredAt() == null ? Verdict.PENDING : RecoveryRules.rpo(loss, f.rpo()),
                recoveryClock(f), dataLossClock(f), f.restoreEvidence());
    }

    /** When service was lost: the detection time, else the declaration. */
    static Instant outageStart(IncidentFact f) {
        return f.detectedAt() != null ? f.detectedAt() : f.declaredAt();
    }

    static Measured recoveryClock(IncidentFact f) {
        return new Measured(new Measured.End(outageStart(f), DECLARED, f.declaredEventId(),
                f.detectedAt() != null ? "detectedAt" : "occurredAt"),
                new Measured.End(f.restoredAt(), RESTORED, f.restoredEventId(), "occurredAt"));
    }

    /** From the last restorable instant (the restore point; backup-service's when linked) to the suspected start. */
    static Measured dataLossClock(IncidentFact f) {
        boolean linked = "LINKED".equals(f.restoreEvidence());
        return new Measured(new Measured.End(f.restorePoint(), linked ? BACKUP_RESTORED : RESTORED,
                linked ? f.restoreSourceEventId() : f.restoredEventId(), "restorePoint"),
                new Measured.End(f.suspectedDamageStart(), DECLARED, f.declaredEventId(), "suspectedDamageStart"));
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
