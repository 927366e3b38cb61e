package org.drcc.metrics.query;

import java.math.BigDecimal;
import org.drcc.metrics.figures.SlaTarget;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.metrics.sla.availability}: the plan's SLA, an availability in percent. The plan's "Service Level
 * Agreements": 99.999 % (5 nines), at most 5.26 minutes down a year, planned maintenance excluded.
 */
@ConfigurationProperties("dr.metrics.sla")
public record SlaSettings(@DefaultValue("99.999") BigDecimal availability) {

    public SlaTarget target() {
        return new SlaTarget(availability);
    }
}
