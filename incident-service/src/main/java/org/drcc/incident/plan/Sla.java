package org.drcc.incident.plan;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The plan's service level agreement: {@code availability} in percent (99.999) and the {@code maxDowntime} a year
 * it states beside it (5.26 minutes); planned maintenance is not counted.
 */
public record Sla(BigDecimal availability, Duration maxDowntime) {

    /** A year as availability figures count it: 365.25 days. */
    static final Duration YEAR = Duration.ofSeconds(31_557_600);

    /** The downtime a year the availability allows: (100 - availability) % of a year. */
    public Duration allowedDowntime() {
        BigDecimal unavailable = BigDecimal.valueOf(100).subtract(availability).movePointLeft(2);
        return Duration.ofMillis(unavailable.multiply(BigDecimal.valueOf(YEAR.toMillis())).longValue());
    }
}
