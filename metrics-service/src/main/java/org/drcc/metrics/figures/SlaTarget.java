package org.drcc.metrics.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The plan's SLA: an availability in percent (99.999, "five nines"). Kept as a decimal so that the share of time
 * allowed down, {@code (100 − availability) / 100}, is exact: 99.999 % of a 365-day year allows 315.36 s, the plan's
 * "5.26 minutes per year".
 */
public record SlaTarget(BigDecimal availabilityPercent) {

    public SlaTarget {
        if (availabilityPercent == null || availabilityPercent.signum() <= 0
                || availabilityPercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("an SLA's availability is a percentage above 0 and below 100, not "
                    + availabilityPercent);
        }
    }

    public double ratio() {
        return availabilityPercent.movePointLeft(2).doubleValue();
    }

    /** The time {@code measured} may be down within the SLA. */
    public Duration allowedDowntime(Duration measured) {
        BigDecimal share = BigDecimal.valueOf(100).subtract(availabilityPercent).movePointLeft(2);
        return Duration.ofNanos(share.multiply(BigDecimal.valueOf(measured.toNanos()))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    }

    /** How many times faster than the SLA allows {@code down} of {@code measured} spends the budget; null: no time. */
    public Double burnRate(Duration down, Duration measured) {
        Duration allowed = allowedDowntime(measured);
        return allowed.isZero() ? null : (double) down.toNanos() / allowed.toNanos();
    }
}
