package org.drcc.drill.command;

import java.time.Duration;
import java.time.Instant;
import org.drcc.recovery.RecoveryRules;

/**
 * What a drill measured against its scenario's targets. RTO: declared to restored; RPO: the instant of the
 * damage minus the restore point. Any field may be null when the drill did not get that far; {@code rpoTarget}
 * is null for a scenario without an RPO.
 */
public record Measurement(String backupId, Instant restorePoint, Duration rto, Duration rtoTarget, Duration rpo,
                          Duration rpoTarget) {

    public static final Measurement NONE = new Measurement(null, null, null, null, null, null);

    /** Why the measurement misses its targets, or null when it meets them: the one definition of a passed recovery test. */
    public String missedTargets() {
        return RecoveryRules.missedTargets(rto, rtoTarget, rpo, rpoTarget).orElse(null);
    }
}
