package org.drcc.backup.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The guards around retention's deletions (the GFS counts themselves are each database's policy).
 *
 * @param maxDeletesPerRun at most this many backups of one database are deleted by one run, the oldest
 *                         first; the others wait for the next run. A mistake (a wrong policy, a clock
 *                         both guards miss) then costs at most this many backups a day, not all of them
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
}
