package org.drcc.incident.review;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The review was held by {@code actor}: what it changed in the plan, if anything. */
public record RecordReviewCommand(
        @TargetAggregateIdentifier String reviewId,
        boolean planChanged,
        String changes,
        String actor,
        Instant requestedAt) {
}
