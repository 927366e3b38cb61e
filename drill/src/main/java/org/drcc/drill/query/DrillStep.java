package org.drcc.drill.query;

import java.time.Instant;

/** One recorded step of a drill, numbered from 1 in the order it happened. */
public record DrillStep(int seq, String step, String outcome, String detail, Instant startedAt, Instant endedAt) {
}
