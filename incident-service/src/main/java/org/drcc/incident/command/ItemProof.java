package org.drcc.incident.command;

/** An event of the suite that proves a checklist item's deed: its CloudEvents type and id, and what it says. */
public record ItemProof(String itemId, String deed, String eventType, String eventId, String note) {
}
