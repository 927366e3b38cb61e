package org.drcc.metrics.figures;

import java.time.Instant;

/** A half-open interval [from, to): an instant at {@code to} belongs to the next period. */
public record Period(Instant from, Instant to) {

    public Period {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period ends after it starts: " + from + " .. " + to);
        }
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }
}
