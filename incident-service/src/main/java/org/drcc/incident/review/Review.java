package org.drcc.incident.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.plan.PlanReviewedEvent;
import org.drcc.contract.plan.ReviewDueEvent;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.kit.rules.RuleRefusedException;

/**
 * One review the plan owes: opened once per period or closed incident (the id says which, so opening it again, from
 * another instance or after a restart, is a no-op), then held once.
 */
@Aggregate
public class Review {

    /** Who opens the reviews: the schedule, not a person. */
    public static final String SCHEDULE = "incident-service";

    @AggregateIdentifier
    private String reviewId;
    private ReviewKind kind;
    private String incidentId;
    private Instant heldAt;

    protected Review() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenReviewCommand c) {
        if (kind != null) {
            return; // owed once
        }
        apply(new ReviewDueEvent(c.reviewId(), c.kind(), c.what(), c.incidentId(), c.dueAt(), SCHEDULE,
                c.requestedAt()));
    }

    @CommandHandler
    void handle(RecordReviewCommand c) {
        if (heldAt != null) {
            throw new RuleRefusedException("review", "review " + reviewId + " was recorded at " + heldAt
                    + "; a later review is its own");
        }
        if (c.changes() == null || c.changes().isBlank()) {
            throw new RuleRefusedException("review", "a review says what it changed in the plan, or why nothing");
        }
        apply(new PlanReviewedEvent(reviewId, kind, incidentId, c.planChanged(), c.changes().strip(), c.actor(),
                c.requestedAt()));
    }

    @EventSourcingHandler
    void on(ReviewDueEvent e) {
        reviewId = e.reviewId();
        kind = e.kind();
        incidentId = e.incidentId();
    }

    @EventSourcingHandler
    void on(PlanReviewedEvent e) {
        heldAt = e.occurredAt();
    }
}
