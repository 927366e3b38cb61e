package org.drcc.drill.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartDrillCommand(
        @TargetAggregateIdentifier String drillId,
        DrillScenario scenario,
        String database,
        String trigger,
        String actor,
        Instant requestedAt) {
}
