package org.drcc.incident.command;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drcc.contract.incident.Severity;

/** Declare a DR incident for a scenario of the plan; its targets are copied from the scenario. */
public record DeclareIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        String scenarioId,
        String title,
        String description,
        Severity severity,
        Duration rto,
        Duration rpo,
        Instant detectedAt,
        Instant suspectedDamageStart,
        boolean drill,
        String actor,
        Instant requestedAt) {
}
