package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * A checklist item was done by the suite itself: the event {@code evidenceEventId} of type {@code evidenceType}
 * (a restore, a verification, a delivered notification) proves the item's {@code deed}. {@code actor} is the
 * service that ticked it, not a person.
 */
@JsonTypeName("dr.incident.checklist-item-evidenced.v1")
public record ChecklistItemEvidencedEvent(
        String incidentId,
        IncidentTargets targets,
        String itemId,
        String deed,
        String evidenceType,
        String evidenceEventId,
        String note,
        String actor,
        Instant occurredAt) implements IncidentEvent {
}
