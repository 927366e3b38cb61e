package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A DR incident was declared for one of the plan's scenarios; carries the scenario's targets. */
@JsonTypeName("dr.incident.declared.v1")
public record IncidentDeclaredEvent(
        String incidentId,
        String scenarioId,
        String title,
        String description,
        Severity severity,
        Duration rto,
        Duration rpo,
        Instant detectedAt,
        Instant suspectedDamageStart,
        boolean drill,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public IncidentTargets targets() {
        return new IncidentTargets(scenarioId, rto, rpo, drill);
    }
}
