package org.drcc.incident.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.incident.plan.Plan;
import org.drcc.incident.plan.PlanReview;
import org.drcc.kit.schedule.ClusterOnce;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens the periodic reviews of the plan's schedule: at start-up and every hour, the review of the current month,
 * quarter and year (UTC), once across instances (ShedLock) and once per period (the review's id is its period's).
 * A review of a past period that was never held stays owed, and overdue.
 */
@Component
class ReviewSchedule {

    private final Plan plan;
    private final CommandGateway commands;
    private final Clock clock;
    private final Runnable openOnce;

    ReviewSchedule(Plan plan, CommandGateway commands, Clock clock, ClusterOnce cluster) {
        this.plan = plan;
        this.commands = commands;
        this.clock = clock;
        this.openOnce = cluster.once("plan-reviews", Duration.ofMinutes(5), Duration.ofSeconds(30), this::openDue);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        openOnce.run();
    }

    @Scheduled(cron = "0 0 * * * *", zone = "UTC")
    void hourly() {
        openOnce.run();
    }

    void openDue() {
        Instant now = clock.instant();
        for (PlanReview review : plan.reviews()) {
            if (review.kind() != ReviewKind.POST_INCIDENT) {
                ReviewPeriods.Owed owed = ReviewPeriods.current(review.kind(), now);
                commands.sendAndWait(new OpenReviewCommand(owed.reviewId(), review.kind(), review.what(), null,
                        owed.dueAt(), now));
            }
        }
    }
}
