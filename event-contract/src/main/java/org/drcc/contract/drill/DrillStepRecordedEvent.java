package org.drcc.contract.drill;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** One step of the drill, as it happened: {@code outcome} is OK or FAILED, {@code detail} says what was seen. */
@JsonTypeName("dr.drill.step-recorded.v1")
public record DrillStepRecordedEvent(
        String drillId,
        String scenario,
        String step,
        String outcome,
        String detail,
        Instant startedAt,
        Instant endedAt,
        @PersonalData String actor,
        Instant occurredAt) implements DrillEvent {
}
