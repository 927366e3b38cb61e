package org.drcc.incident.plan;

import org.drcc.contract.incident.IncidentRole;

/**
 * A checklist item of a phase of the plan; mandatory unless the plan says otherwise. {@code deed}, if any,
 * names what the suite does itself that ticks the item (a drill's restore, say), so that the item's id is
 * the plan's to choose. {@code owner}: the role whose duty it is.
 */
public record PlanItem(String id, String text, Boolean mandatory, String deed, IncidentRole owner) {

    public boolean isMandatory() {
        return mandatory == null || mandatory;
    }
}
