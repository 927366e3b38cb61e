package org.drcc.incident.review;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.incident.plan.Plan;
import org.springframework.stereotype.Component;

/**
 * "After each incident: post-incident review": a closed real incident owes one, due {@code within} (the plan's) after
 * the close. Drills have their own report. Tracking processor {@value #GROUP}; a repeat opens nothing new.
 */
@Component
@ProcessingGroup(PostIncidentReviews.GROUP)
class PostIncidentReviews {

    static final String GROUP = "plan-reviews";

    private final Plan plan;
    private final CommandGateway commands;

    PostIncidentReviews(Plan plan, CommandGateway commands) {
        this.plan = plan;
        this.commands = commands;
    }

    @EventHandler
    void on(IncidentClosedEvent closed) {
        if (closed.targets().drill()) {
            return;
        }
        plan.reviews().stream().filter(r -> r.kind() == ReviewKind.POST_INCIDENT).findFirst().ifPresent(review ->
                commands.sendAndWait(new OpenReviewCommand(ReviewPeriods.postIncident(closed.incidentId()),
                        ReviewKind.POST_INCIDENT, review.what(), closed.incidentId(),
                        closed.occurredAt().plus(review.within()), closed.occurredAt())));
    }
}
