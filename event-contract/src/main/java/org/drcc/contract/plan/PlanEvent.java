package org.drcc.contract.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event about the plan's own records (not about one incident). {@code subject()} is the record's id, the
 * Kafka key, so the events of one record stay in order.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(MaintenanceWindowScheduledEvent.class),
        @JsonSubTypes.Type(ReviewDueEvent.class),
        @JsonSubTypes.Type(PlanReviewedEvent.class),
        @JsonSubTypes.Type(SlaStatedEvent.class)
})
public sealed interface PlanEvent permits MaintenanceWindowScheduledEvent, ReviewDueEvent, PlanReviewedEvent,
        SlaStatedEvent {

    String subject();

    String actor();

    Instant occurredAt();
}
