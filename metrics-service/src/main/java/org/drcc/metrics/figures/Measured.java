package org.drcc.metrics.figures;

import java.time.Instant;

/**
 * What a figure was computed from: the instant at each end, and the event and field each was read from, so an
 * auditor can find both events in the audit trail. {@code eventId} is null for facts projected before ids were kept.
 */
public record Measured(End from, End to) {

    /** One end: {@code field} of the event {@code eventType} {@code eventId}. */
    public record End(Instant at, String eventType, String eventId, String field) {
    }
}
