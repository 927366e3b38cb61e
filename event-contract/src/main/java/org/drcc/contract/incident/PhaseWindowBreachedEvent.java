package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * The window of {@code phase} ended at {@code deadline} and the incident had not left the phase: noticed by the
 * service's clock ({@code actor} incident-service) or by the late move itself (the person who made it). The
 * communication plan escalates it to the DR lead's managers.
 */
@JsonTypeName("dr.incident.phase-window-breached.v1")
public record PhaseWindowBreachedEvent(
        String incidentId,
        IncidentTargets targets,
        Phase phase,
        Instant deadline,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
