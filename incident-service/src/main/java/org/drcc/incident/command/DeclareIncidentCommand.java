package org.drcc.incident.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drcc.contract.incident.ChecklistItem;
import org.drcc.contract.incident.PhaseWindow;
import org.drcc.contract.incident.Severity;

/** Declare a DR incident for a scenario of the plan; its targets, checklist and phase windows are copied from the plan. */
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
        List<ChecklistItem> checklist,
        List<PhaseWindow> windows,
        String actor,
        Instant requestedAt) {
}
