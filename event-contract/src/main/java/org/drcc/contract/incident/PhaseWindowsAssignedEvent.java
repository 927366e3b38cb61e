package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/**
 * The phase windows the incident is run by, copied from the plan at declaration and counted from
 * {@code startsAt} (the detection): each phase with an end is a deadline, met or breached.
 */
@JsonTypeName("dr.incident.phase-windows-assigned.v1")
public record PhaseWindowsAssignedEvent(
        String incidentId,
        IncidentTargets targets,
        Instant startsAt,
        List<PhaseWindow> windows,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
