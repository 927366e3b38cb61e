package org.drcc.drill.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordDrillReportCommand(
        @TargetAggregateIdentifier String drillId,
        String bucket,
        String objectKey,
        String sha256,
        Instant retainUntil,
        Instant at) {
}
