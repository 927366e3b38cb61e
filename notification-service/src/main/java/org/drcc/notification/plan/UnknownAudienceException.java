package org.drcc.notification.plan;

/** A change of a stakeholder group the plan does not have. */
public class UnknownAudienceException extends RuntimeException {

    public UnknownAudienceException(String name) {
        super("the plan has no stakeholder group '" + name + "'; add it with PUT /api/plan");
    }
}
