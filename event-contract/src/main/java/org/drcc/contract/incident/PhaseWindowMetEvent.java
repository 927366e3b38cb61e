package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The incident left {@code phase} by its window's end {@code deadline}; {@code actor} moved it on. */
@JsonTypeName("dr.incident.phase-window-met.v1")
public record PhaseWindowMetEvent(
        String incidentId,
        IncidentTargets targets,
        Phase phase,
        Instant deadline,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
