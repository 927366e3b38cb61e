package org.drcc.incident.plan;

import java.util.List;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.Phase;

/**
 * One of the appendix's recovery checklists (database, application, infrastructure, communication), with the
 * scenarios it belongs to (none listed: every scenario). Its items join those scenarios' incidents' checklists.
 */
public record RecoveryChecklist(String id, String name, List<String> scenarios, List<Entry> items) {

    public RecoveryChecklist {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean belongsTo(String scenarioId) {
        return scenarios.isEmpty() || scenarios.contains(scenarioId);
    }

    /** An item of the list: its phase and the role that owns it; mandatory only where the plan says so. */
    public record Entry(String id, String text, Phase phase, IncidentRole owner, Boolean mandatory) {
    }
}
