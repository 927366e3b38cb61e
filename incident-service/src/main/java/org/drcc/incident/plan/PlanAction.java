package org.drcc.incident.plan;

import java.util.List;
import org.drcc.contract.incident.IncidentRole;

/**
 * One of a phase's listed actions ("Declare Disaster": notify DR team, activate incident response, ...), the duty of
 * {@code owner}; it becomes one checklist item, not mandatory (the runbook; the phase's checklist is the gate).
 */
public record PlanAction(String id, String name, IncidentRole owner, List<String> steps) {

    String text() {
        return steps == null || steps.isEmpty() ? name : name + ": " + String.join("; ", steps);
    }
}
