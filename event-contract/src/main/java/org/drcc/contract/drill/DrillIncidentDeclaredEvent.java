package org.drcc.contract.drill;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The drill's incident, declared with {@code drill: true}, that the drill walks through the plan's phases. */
@JsonTypeName("dr.drill.incident-declared.v1")
public record DrillIncidentDeclaredEvent(
        String drillId,
        String scenario,
        String incidentId,
        @PersonalData String actor,
        Instant occurredAt) implements DrillEvent {
}
