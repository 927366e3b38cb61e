package org.drcc.drill.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code ok} false marks the step that broke the drill. */
public record RecordDrillStepCommand(
        @TargetAggregateIdentifier String drillId,
        String step,
        boolean ok,
        String detail,
        Instant startedAt,
        Instant endedAt) {
}
