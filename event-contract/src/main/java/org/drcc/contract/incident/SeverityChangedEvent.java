package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The incident's severity was changed, with a reason. */
@JsonTypeName("dr.incident.severity-changed.v1")
public record SeverityChangedEvent(
        String incidentId,
        IncidentTargets targets,
        Severity from,
        Severity to,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
