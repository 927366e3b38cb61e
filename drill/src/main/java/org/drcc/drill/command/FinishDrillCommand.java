package org.drcc.drill.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends the drill with what was measured. The aggregate decides pass or fail: a {@code failure} from the
 * runner, a missed target, or a missing measurement fails it. {@code pendingCleanup}: scratch databases
 * that could not be dropped.
 */
public record FinishDrillCommand(
        @TargetAggregateIdentifier String drillId,
        String failure,
        Measurement measurement,
        List<String> pendingCleanup,
        Instant at) {
}
