package org.drcc.incident.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The SLA as the plan file states it now; recorded only if it differs from the one last stated. */
public record StateSlaCommand(
        @TargetAggregateIdentifier String id,
        BigDecimal availability,
        Duration maxDowntime,
        Instant requestedAt) {
}
