package org.drcc.drill.command;

import java.time.Duration;
import java.time.Instant;

/**
 * What a drill measured against its scenario's targets. RTO: declared to restored; RPO: the instant of the
 * damage minus the restore point. Any field may be null when the drill did not get that far; {@code rpoTarget}
 * is null for a scenario without an RPO.
 */
public record Measurement(String backupId, Instant restorePoint, Duration rto, Duration rtoTarget, Duration rpo,
                          Duration rpoTarget) {

    public static final Measurement NONE = new Measurement(null, null, null, null, null, null);

    /** Why the measurement misses its targets, or null when it meets them. */
    public String missedTargets() {
        if (rto == null || rtoTarget == null) {
            return "the RTO was not measured";
        }
        if (rto.compareTo(rtoTarget) > 0) {
            return "RTO " + rto + " exceeds the target " + rtoTarget;
        }
        if (rpoTarget != null && rpo == null) {
            return "the RPO was not measured";
        }
        if (rpoTarget != null && rpo.compareTo(rpoTarget) > 0) {
            return "RPO " + rpo + " exceeds the target " + rpoTarget;
        }
        return null;
    }
}
