package org.drcc.drill.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordDrillIncidentCommand(@TargetAggregateIdentifier String drillId, String incidentId, Instant at) {
}
