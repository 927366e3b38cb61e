package org.drcc.incident.plan;

import java.util.List;
import org.drcc.contract.incident.Phase;

/** The plan's checklist for one phase. */
public record PhaseChecklist(Phase phase, List<PlanItem> items) {
}
