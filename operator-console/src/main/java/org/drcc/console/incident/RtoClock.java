package org.drcc.console.incident;

import java.time.Duration;
import java.time.Instant;
import org.drcc.recovery.RecoveryRules;
import org.drcc.recovery.Verdict;

/**
 * An incident's RTO clock: from its declaration to the restore, against the scenario's target. {@code left} is
 * negative once the target has passed; the verdict is the suite's one definition (recovery-rules).
 */
public record RtoClock(Duration target, Duration elapsed, Duration left, Verdict verdict) {

    static RtoClock of(Instant declaredAt, Instant restoredAt, Duration target, Instant now) {
        Instant end = restoredAt != null ? restoredAt : now;
        Duration elapsed = declaredAt == null ? null : Duration.between(declaredAt, end);
        Duration left = target == null || elapsed == null ? null : target.minus(elapsed);
        return new RtoClock(target, elapsed, left, RecoveryRules.rto(declaredAt, restoredAt, target, now));
    }

    /** "1h 12m left", "20m over", "met in 42m", or "no RTO". */
    public String text() {
        if (left == null) {
            return "no RTO";
        }
        return switch (verdict) {
            case ACHIEVED -> "met in " + Durations.human(elapsed);
            case MISSED -> left.isNegative() ? Durations.human(left.negated()) + " over" : "missed";
            default -> Durations.human(left) + " left";
        };
    }

    /** ok, warn (under a quarter of the target left) or late: the colour class. */
    public String tone() {
        if (verdict == Verdict.MISSED) {
            return "late";
        }
        if (verdict == Verdict.PENDING && left != null && left.compareTo(target.dividedBy(4)) < 0) {
            return "warn";
        }
        return "ok";
    }
}
