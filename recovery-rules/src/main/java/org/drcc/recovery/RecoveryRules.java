package org.drcc.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A null argument is a figure not known. Targets are inclusive: a recovery exactly at its target met it.
 * Reversed instants are not refused: they give negative durations, as recorded.
 */
public final class RecoveryRules {

    /** How to take a restore point after the suspected start of the damage. */
    public enum LaterRestorePoint {
        /** As a negative loss: a view shows what was recorded. */
        NEGATIVE_LOSS,
        /** As no loss known: that backup may hold the damage, so no loss can be claimed from it. */
        UNKNOWN_LOSS
    }

    private RecoveryRules() {
    }

    /** restoredAt − declaredAt; empty until both are known. */
    public static Optional<Duration> timeToRecover(Instant declaredAt, Instant restoredAt) {
        return declaredAt == null || restoredAt == null ? Optional.empty()
                : Optional.of(Duration.between(declaredAt, restoredAt));
    }

    /** damageStart − restorePoint; empty when either is unknown. */
    public static Optional<Duration> dataLoss(Instant restorePoint, Instant damageStart, LaterRestorePoint later) {
        if (restorePoint == null || damageStart == null
                || later == LaterRestorePoint.UNKNOWN_LOSS && restorePoint.isAfter(damageStart)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(restorePoint, damageStart));
    }

    /** UNKNOWN when the time to recover or the target is not known. */
    public static Verdict rto(Duration timeToRecover, Duration target) {
        return within(timeToRecover, target);
    }

    /**
     * The RTO verdict as of {@code asOf}. Not restored yet and the RTO already elapsed is a miss now: waiting
     * for the restore would hide it. PENDING while it can still be met, or its declaration is not known.
     */
    public static Verdict rto(Instant declaredAt, Instant restoredAt, Duration target, Instant asOf) {
        if (declaredAt == null || restoredAt != null) {
            return declaredAt == null ? Verdict.PENDING : rto(Duration.between(declaredAt, restoredAt), target);
        }
        return target != null && Duration.between(declaredAt, asOf).compareTo(target) > 0 ? Verdict.MISSED
                : Verdict.PENDING;
    }

    /** NOT_APPLICABLE without a target (the scenario has no data to lose); UNKNOWN when the loss is not known. */
    public static Verdict rpo(Duration dataLoss, Duration target) {
        return target == null ? Verdict.NOT_APPLICABLE : within(dataLoss, target);
    }

    /**
     * Why a recovery test failed, RTO first; empty when it passed: recovered within its RTO, and within its
     * RPO unless it has none. A figure not measured is a failure: a test proves only what it measured.
     */
    public static Optional<String> missedTargets(Duration timeToRecover, Duration rtoTarget, Duration dataLoss,
                                                 Duration rpoTarget) {
        Verdict rto = rto(timeToRecover, rtoTarget);
        Verdict rpo = rpo(dataLoss, rpoTarget);
        if (rto != Verdict.ACHIEVED) {
            return Optional.of(rto == Verdict.UNKNOWN ? "the RTO was not measured"
                    : "RTO " + timeToRecover + " exceeds the target " + rtoTarget);
        }
        if (rpo == Verdict.UNKNOWN) {
            return Optional.of("the RPO was not measured");
        }
        return rpo == Verdict.MISSED ? Optional.of("RPO " + dataLoss + " exceeds the target " + rpoTarget)
                : Optional.empty();
    }

    public static boolean testPassed(Duration timeToRecover, Duration rtoTarget, Duration dataLoss,
                                     Duration rpoTarget) {
        return missedTargets(timeToRecover, rtoTarget, dataLoss, rpoTarget).isEmpty();
    }

    private static Verdict within(Duration figure, Duration target) {
        if (figure == null || target == null) {
            return Verdict.UNKNOWN;
        }
        return figure.compareTo(target) <= 0 ? Verdict.ACHIEVED : Verdict.MISSED;
    }
}
