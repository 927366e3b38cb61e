package org.drcc.metrics.figures;

import java.time.Instant;

/**
 * What the metrics know of one drill, projected from {@code dr.drill.events}: its scenario, when it started, its
 * incident if it declared one (the random-moment and application drills declare none; a drill that fails early has
 * none yet), and its outcome: {@code passedAt} ({@code dr.drill.passed.v1}) or {@code failedAt} with the drill's
 * {@code failureReason} ({@code dr.drill.failed.v1}: the broken step, the runner's cause, or the targets missed).
 * {@code outcomeEventId} is the CloudEvents id of that outcome. A drill reported both passed and failed counts as
 * failed (the drill's aggregate finishes it once; this is only the projection's order-independent rule).
 */
public record DrillFact(
        String drillId,
        String scenario,
        String trigger,
        Instant startedAt,
        String incidentId,
        Instant passedAt,
        Instant failedAt,
        String failureReason,
        String outcomeEventId) {

    /** When the drill finished (its outcome's time); null while it runs. */
    public Instant finishedAt() {
        return failedAt != null ? failedAt : passedAt;
    }

    public boolean passed() {
        return failedAt == null && passedAt != null;
    }
}
