package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/** The checklist the incident is run by: the plan's items per phase and the scenario's recovery steps. */
@JsonTypeName("dr.incident.checklist-assigned.v1")
public record ChecklistAssignedEvent(
        String incidentId,
        IncidentTargets targets,
        List<ChecklistItem> items,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
