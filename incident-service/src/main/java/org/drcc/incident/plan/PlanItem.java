package org.drcc.incident.plan;

/** A checklist item of a phase of the plan; mandatory unless the plan says otherwise. */
public record PlanItem(String id, String text, Boolean mandatory) {

    public boolean isMandatory() {
        return mandatory == null || mandatory;
    }
}
