package org.drcc.backup.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the clock retention plans with can be trusted. GFS windows are counted back from "now", so a
 * clock that jumped moves every window: a clock set a year ahead would find most backups outside them
 * and delete them all. Retention therefore deletes nothing when the clock contradicts what it has itself
 * recorded or a second, independent clock:
 * <ul>
 *   <li>it went back: {@code now} is earlier than the newest completed backup's completion by more than
 *   {@code tolerance} (that completion was stamped by a clock of this service, so one of them is wrong;
 *   a forward jump that was since corrected leaves the same trace);</li>
 *   <li>it disagrees with the service's PostgreSQL server's clock by more than {@code tolerance}, in
 *   either direction: in production that server keeps its own time, so a jump of this host's clock,
 *   forwards too, shows here before it costs a backup.</li>
 * </ul>
 * The tolerance absorbs the skew between instances and the time a query takes; a run-away deletion the
 * guard cannot see (both clocks jumped forward together) is bounded by the deletion cap of each run.
 */
public final class ClockGuard {

    private ClockGuard() {
    }

    /** Why retention must not delete now, with the instant the clock contradicts; empty when it may. */
    public static Optional<ClockJump> check(Instant now, Instant databaseNow, Instant newestCompletedAt,
                                            Duration tolerance) {
        if (newestCompletedAt != null && now.isBefore(newestCompletedAt.minus(tolerance))) {
            return Optional.of(new ClockJump("the clock went back: it reads " + now + ", but the newest backup "
                    + "completed at " + newestCompletedAt + ", more than " + tolerance + " later", newestCompletedAt));
        }
        if (Duration.between(databaseNow, now).abs().compareTo(tolerance) > 0) {
            return Optional.of(new ClockJump("the clock disagrees with the database server's: it reads " + now
                    + ", the server " + databaseNow + ", more than " + tolerance + " apart", databaseNow));
        }
        return Optional.empty();
    }

    /** A contradiction: why, and the instant the clock was checked against. */
    public record ClockJump(String reason, Instant referenceAt) {
    }
}
