package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The incident was a false alarm and is cancelled. */
@JsonTypeName("dr.incident.cancelled.v1")
public record IncidentCancelledEvent(
        String incidentId,
        IncidentTargets targets,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
