package org.drcc.incident.review;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drcc.contract.plan.ReviewKind;

/** A review is owed by {@code dueAt}; opening one that is already owed changes nothing. */
public record OpenReviewCommand(
        @TargetAggregateIdentifier String reviewId,
        ReviewKind kind,
        String what,
        String incidentId,
        Instant dueAt,
        Instant requestedAt) {
}
