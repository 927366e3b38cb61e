package org.drcc.contract.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * A review of the plan was held: who ({@code actor}), when ({@code occurredAt}), and what it changed in the plan
 * ({@code changes}; {@code planChanged} false when the plan stood as it was).
 */
@JsonTypeName("dr.plan.reviewed.v1")
public record PlanReviewedEvent(
        String reviewId,
        ReviewKind kind,
        String incidentId,
        boolean planChanged,
        String changes,
        @PersonalData String actor,
        Instant occurredAt) implements PlanEvent {

    @Override
    @JsonIgnore
    public String subject() {
        return reviewId;
    }
}
