package org.drcc.contract.incident;

import java.time.Duration;

/**
 * The plan's time window of a phase, counted from the incident's detection: the phase should be over by
 * {@code until} (assessment 0-30 min, containment 30 min-1 h, ...); null {@code until}: open-ended (post-recovery).
 */
public record PhaseWindow(Phase phase, Duration from, Duration until) {
}
