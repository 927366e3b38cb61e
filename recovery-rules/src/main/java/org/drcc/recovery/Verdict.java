package org.drcc.recovery;

/** Whether one recovery met one of its targets. */
public enum Verdict {
    /** Met the target. */
    ACHIEVED,
    /** Missed the target (for RTO: also when still not restored after the RTO has elapsed). */
    MISSED,
    /** The figure to judge it by was not measured: counted as not achieved. */
    UNKNOWN,
    /** Not restored yet and the target can still be met: not counted yet. */
    PENDING,
    /** The target does not apply: no RPO for the scenario, or a cancelled false alarm. */
    NOT_APPLICABLE
}
