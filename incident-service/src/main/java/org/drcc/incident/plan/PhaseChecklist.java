package org.drcc.incident.plan;

import java.util.List;
import org.drcc.contract.incident.Phase;

/**
 * One phase of the plan: its time window (none for the ongoing communication), its listed actions and its checklist.
 */
public record PhaseChecklist(Phase phase, Window window, List<PlanAction> actions, List<PlanItem> items) {

    public PhaseChecklist {
        actions = actions == null ? List.of() : List.copyOf(actions);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
