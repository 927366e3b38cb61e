package org.drcc.contract.drill;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A drill of {@code scenario} on a scratch copy of {@code database}; {@code trigger} is manual or a schedule's name. */
@JsonTypeName("dr.drill.started.v1")
public record DrillStartedEvent(
        String drillId,
        String scenario,
        String database,
        String trigger,
        @PersonalData String actor,
        Instant occurredAt) implements DrillEvent {
}
