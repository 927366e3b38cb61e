package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.drcc.recovery.RecoveryRules;
import org.drcc.recovery.Verdict;

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

    public Optional<Duration> timeToRecover() {
        return RecoveryRules.timeToRecover(declaredAt, restoredAt);
    }

    /** A cancelled false alarm had no target to meet. */
    public Verdict rtoVerdict(Instant asOf) {
        return cancelledAt != null ? Verdict.NOT_APPLICABLE : RecoveryRules.rto(declaredAt, restoredAt, rto, asOf);
    }

    /** A figure claims only a loss the evidence proves: a backup taken after the damage may hold it. */
    public Optional<Duration> dataLoss() {
        return RecoveryRules.dataLoss(restorePoint, suspectedDamageStart, RecoveryRules.LaterRestorePoint.UNKNOWN_LOSS);
    }

    public Verdict rpoVerdict() {
        if (rpo == null || cancelledAt != null) {
            return Verdict.NOT_APPLICABLE;
        }
        return restoredAt == null ? Verdict.PENDING : RecoveryRules.rpo(dataLoss().orElse(null), rpo);
    }

    /** A drill as a recovery test; a cancelled one never reached RESTORED. Empty while it can still pass. */
    public Optional<Boolean> drillSucceeded(Instant asOf) {
        if (cancelledAt == null && rtoVerdict(asOf) == Verdict.PENDING) {
            return Optional.empty();
        }
        return Optional.of(cancelledAt == null
                && RecoveryRules.testPassed(timeToRecover().orElse(null), rto, dataLoss().orElse(null), rpo));
    }
}
