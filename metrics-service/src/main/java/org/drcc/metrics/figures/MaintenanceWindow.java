package org.drcc.metrics.figures;

import java.time.Instant;

/**
 * A planned maintenance window [startsAt, endsAt), from {@code dr.plan.maintenance-window-scheduled.v1}
 * ({@code eventId}). Who scheduled it stays in incident-service's events: the figures need no name.
 */
public record MaintenanceWindow(String windowId, Instant startsAt, Instant endsAt, String reason,
                                Instant scheduledAt, String eventId) {

    Interval interval() {
        return new Interval(startsAt, endsAt);
    }
}
