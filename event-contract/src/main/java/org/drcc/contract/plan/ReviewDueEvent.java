package org.drcc.contract.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * A review of the plan is owed by {@code dueAt}: one per period of the review schedule ({@code reviewId}
 * {@code monthly-2026-12}, {@code quarterly-2026-Q4}, {@code annual-2026}) and one after each closed real incident
 * ({@code post-incident-<incident id>}, with {@code incidentId}). {@code what} is the plan's words for it.
 */
@JsonTypeName("dr.plan.review-due.v1")
public record ReviewDueEvent(
        String reviewId,
        ReviewKind kind,
        String what,
        String incidentId,
        Instant dueAt,
        String actor,
        Instant occurredAt) implements PlanEvent {

    @Override
    @JsonIgnore
    public String subject() {
        return reviewId;
    }
}
