package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;

/**
 * A real incident's loss of service within a period: from its outage start (detection) to its restore, or to now
 * while it is not restored ({@code restored} false), cut to the period. {@code downtime} is what counts against
 * the SLA: the outage less any planned maintenance window it overlaps.
 */
public record Outage(String incidentId, String scenario, Instant from, Instant to, boolean restored,
                     Duration downtime) {

    Interval interval() {
        return new Interval(from, to);
    }
}
