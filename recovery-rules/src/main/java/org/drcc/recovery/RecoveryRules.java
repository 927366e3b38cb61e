package org.drcc.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A null argument is a figure not known. A target is met up to and including itself. Reversed instants
 * are not refused: they give negative durations, as recorded.
 */
public final class RecoveryRules {

    /**
     * A restore point after the suspected damage start: NEGATIVE_LOSS shows it as recorded; UNKNOWN_LOSS
     * claims no loss, as that backup may hold the damage.
     */
    public enum LaterRestorePoint { NEGATIVE_LOSS, UNKNOWN_LOSS }

    private RecoveryRules() {
    }

    /** restoredAt − declaredAt. */
    public static Optional<Duration> timeToRecover(Instant declaredAt, Instant restoredAt) {
        return declaredAt == null || restoredAt == null ? Optional.empty()
                : Optional.of(Duration.between(declaredAt, restoredAt));
    }

    /** damageStart − restorePoint. */
    public static Optional<Duration> dataLoss(Instant restorePoint, Instant damageStart, LaterRestorePoint later) {
        return restorePoint == null || damageStart == null
                || later == LaterRestorePoint.UNKNOWN_LOSS && restorePoint.isAfter(damageStart) ? Optional.empty()
                : Optional.of(Duration.between(restorePoint, damageStart));
    }

    /** UNKNOWN when the figure or the target is not known. */
    public static Verdict met(Duration figure, Duration target) {
        return figure == null || target == null ? Verdict.UNKNOWN
                : figure.compareTo(target) <= 0 ? Verdict.ACHIEVED : Verdict.MISSED;
    }

    /**
     * Not restored and the RTO already elapsed at {@code asOf} is a miss now: waiting for the restore would
     * hide it. PENDING while the RTO can still be met, or while the declaration is not known.
     */
    public static Verdict rto(Instant declaredAt, Instant restoredAt, Duration target, Instant asOf) {
        Verdict soFar = met(declaredAt == null ? null : Duration.between(declaredAt, asOf), target);
        return timeToRecover(declaredAt, restoredAt).map(time -> met(time, target))
                .orElse(soFar == Verdict.MISSED ? Verdict.MISSED : Verdict.PENDING);
    }

    /** Without a target the scenario has no data to lose. */
    public static Verdict rpo(Duration dataLoss, Duration target) {
        return target == null ? Verdict.NOT_APPLICABLE : met(dataLoss, target);
    }

    /**
     * Why a recovery test failed, RTO first; empty when it passed: recovered within its RTO, and within its
     * RPO unless it has none. A figure not measured fails it: a test proves only what it measured.
     */
    public static Optional<String> missedTargets(Duration timeToRecover, Duration rtoTarget, Duration dataLoss,
                                                 Duration rpoTarget) {
        Verdict rto = met(timeToRecover, rtoTarget);
        Verdict rpo = rpo(dataLoss, rpoTarget);
        return Optional.ofNullable(rto == Verdict.UNKNOWN ? "the RTO was not measured"
                : rto == Verdict.MISSED ? "RTO " + timeToRecover + " exceeds the target " + rtoTarget
                : rpo == Verdict.UNKNOWN ? "the RPO was not measured"
                : rpo == Verdict.MISSED ? "RPO " + dataLoss + " exceeds the target " + rpoTarget : null);
    }
}
