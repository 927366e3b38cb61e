package org.drcc.backup.retention;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The guards around retention's deletions (the GFS counts themselves are each database's policy).
 *
 * @param maxDeletesPerRun how many fewer backups of one database a run may leave than the run before it left
 *                         ({@link #deletesAllowed}); the others wait for the next run, the oldest going first. A
 *                         mistake (a wrong policy, a clock both guards miss) then costs at most this many backups
 *                         a run, not all of them
 * @param clockTolerance   how far the clock may disagree with the newest backup's completion and with
 *                         the database server's clock before retention halts (see ClockGuard)
 */
@ConfigurationProperties("dr.backup.retention")
public record RetentionSettings(
        @DefaultValue("10") int maxDeletesPerRun,
        @DefaultValue("PT5M") Duration clockTolerance) {

    public RetentionSettings {
        if (maxDeletesPerRun < 1) {
            throw new IllegalArgumentException("dr.backup.retention.max-deletes-per-run must be 1 or more (got "
                    + maxDeletesPerRun + ")");
        }
        if (clockTolerance.isNegative() || clockTolerance.isZero()) {
            throw new IllegalArgumentException("dr.backup.retention.clock-tolerance must be a positive duration (got "
                    + clockTolerance + ")");
        }
    }

    /**
     * How many backups of a database one run may delete: as many as leave it {@code maxDeletesPerRun} fewer than the
     * run before left it ({@code leftByLastRun}, halted runs and runs whose deletions failed included); the cap alone
     * before its first run. So a run keeps up with whatever its schedule added since the last one (an hourly schedule
     * leaves 23 backups a day that no daily rule keeps, where a flat 10 a run let them pile up for ever), and runs that
     * deleted nothing (a halted clock, an S3 outage, a policy since widened) do not save up deletions for a mistake.
     */
    public int deletesAllowed(int backupsNow, Optional<Integer> leftByLastRun) {
        return leftByLastRun.map(left -> Math.max(0, backupsNow - (left - maxDeletesPerRun))).orElse(maxDeletesPerRun);
    }
}
