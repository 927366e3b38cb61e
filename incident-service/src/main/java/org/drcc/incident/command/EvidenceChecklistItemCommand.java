package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tick a checklist item with an event of the suite as its evidence (a delivered notification, say). Unlike a
 * person's tick it is never refused: an item already resolved, a closed incident or a drill (which ticks its own
 * items) leave the incident as it is, since the event that sent it cannot be answered.
 */
public record EvidenceChecklistItemCommand(
        @TargetAggregateIdentifier String incidentId,
        ItemProof proof,
        String actor,
        Instant at) {
}
