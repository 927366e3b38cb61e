package org.drcc.incident.plan;

import java.time.Duration;

/** A phase's time window in the plan, from the detection: "Recovery (1-4 hours)"; no {@code until}: open-ended. */
public record Window(Duration from, Duration until) {
}
