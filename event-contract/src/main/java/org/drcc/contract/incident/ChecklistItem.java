package org.drcc.contract.incident;

/**
 * One item of an incident's checklist; a mandatory item blocks leaving its phase until done or waived. {@code owner}:
 * the role whose duty it is (the plan's roles and responsibilities); null where the plan names nobody.
 */
public record ChecklistItem(String id, Phase phase, String text, boolean mandatory, IncidentRole owner) {

    public ChecklistItem(String id, Phase phase, String text, boolean mandatory) {
        this(id, phase, text, mandatory, null);
    }
}
