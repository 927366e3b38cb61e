package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The DR lead waived a mandatory checklist item, with a reason. */
@JsonTypeName("dr.incident.checklist-item-waived.v1")
public record ChecklistItemWaivedEvent(
        String incidentId,
        IncidentTargets targets,
        String itemId,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
