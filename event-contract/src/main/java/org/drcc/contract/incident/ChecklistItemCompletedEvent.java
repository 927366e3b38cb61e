package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A checklist item was done. */
@JsonTypeName("dr.incident.checklist-item-completed.v1")
public record ChecklistItemCompletedEvent(
        String incidentId,
        IncidentTargets targets,
        String itemId,
        String note,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
