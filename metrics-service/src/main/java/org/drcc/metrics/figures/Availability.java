package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The SLA over [from, to) as of {@code asOf} (a period still running counts only its past). {@code measured}: the
 * period's time less its planned maintenance; {@code downtime}: the time at least one real incident had service
 * lost, outside maintenance; {@code availability} = 1 − downtime / measured (null: nothing measured);
 * {@code allowedDowntime}: what the target allows of {@code measured}; {@code met}: downtime ≤ allowed.
 */
public record Availability(
        Instant from,
        Instant to,
        Instant asOf,
        double target,
        Duration measured,
        Duration maintenance,
        Duration downtime,
        Double availability,
        Duration allowedDowntime,
        Boolean met,
        List<Outage> outages,
        List<MaintenanceWindow> maintenanceWindows) {
}
