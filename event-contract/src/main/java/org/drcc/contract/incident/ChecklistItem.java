package org.drcc.contract.incident;

/** One item of an incident's checklist; a mandatory item blocks leaving its phase until done or waived. */
public record ChecklistItem(String id, Phase phase, String text, boolean mandatory) {
}
