package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The incident is closed after the post-recovery work. */
@JsonTypeName("dr.incident.closed.v1")
public record IncidentClosedEvent(
        String incidentId,
        IncidentTargets targets,
        String summary,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
