package org.drcc.metrics.figures;

import java.time.Instant;

/** A notification whose deadline was decided: met, breached (or, contradictorily, both). */
public record NotificationFact(String notificationId, String tier, Instant dueAt, Instant metAt, Instant breachedAt) {

    /** Breached wins over met. */
    public boolean breached() {
        return breachedAt != null;
    }

    public boolean met() {
        return metAt != null && breachedAt == null;
    }
}
