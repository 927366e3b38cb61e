package org.drcc.notification.policy;

import java.util.HashMap;
import java.util.Map;
import org.drcc.contract.plan.PlanEvent;
import org.drcc.contract.plan.ReviewDueEvent;
import org.drcc.notification.plan.PlanInForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A review the plan's schedule owes ({@code dr.plan.review-due.v1}) is one reminder to every contact of the plan's
 * owners ({@code planOwners} in the communication plan), kept under {@value #SUBJECT}. Like a backup alert, its id
 * is derived from the event's id: a redelivered event reminds once. No deadline: the review's own due date is in it.
 */
@Component
public class ReviewReminderPolicy {

    public static final String SUBJECT = "plan:reviews";
    static final String KIND = "review-due";
    private static final Logger log = LoggerFactory.getLogger(ReviewReminderPolicy.class);

    private final PlanInForce plan;
    private final OwnerMessages messages;

    ReviewReminderPolicy(PlanInForce plan, OwnerMessages messages) {
        this.plan = plan;
        this.messages = messages;
    }

    public void on(PlanEvent event, String eventId) {
        if (!(event instanceof ReviewDueEvent due)) {
            return;
        }
        var owners = plan.get().planOwners();
        if (owners.isEmpty()) {
            log.warn("review {} is due by {} (event {}): the communication plan names no planOwners, nobody is told",
                    due.reviewId(), due.dueAt(), eventId);
        }
        messages.tell(owners, SUBJECT, KIND, eventId, values(due), due.occurredAt());
    }

    /** What the review-due templates may show. */
    public static Map<String, Object> values(ReviewDueEvent due) {
        Map<String, Object> values = new HashMap<>();
        values.put("reviewId", due.reviewId());
        values.put("kind", due.kind().name());
        values.put("what", due.what());
        values.put("dueAt", due.dueAt());
        values.put("incidentId", due.incidentId());
        return values;
    }
}
