package org.drcc.contract.drill;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event of a DR drill: an exercise of one of the plan's scenarios on a scratch copy of a protected
 * database. The {@code @JsonTypeName} of each record is its versioned CloudEvents {@code type}.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(DrillStartedEvent.class),
        @JsonSubTypes.Type(DrillIncidentDeclaredEvent.class),
        @JsonSubTypes.Type(DrillStepRecordedEvent.class),
        @JsonSubTypes.Type(DrillPassedEvent.class),
        @JsonSubTypes.Type(DrillFailedEvent.class),
        @JsonSubTypes.Type(DrillReportStoredEvent.class)
})
public sealed interface DrillEvent permits DrillStartedEvent, DrillIncidentDeclaredEvent, DrillStepRecordedEvent,
        DrillPassedEvent, DrillFailedEvent, DrillReportStoredEvent {

    String drillId();

    /** The plan's scenario id, e.g. {@code database-corruption}. */
    String scenario();

    String actor();

    Instant occurredAt();
}
