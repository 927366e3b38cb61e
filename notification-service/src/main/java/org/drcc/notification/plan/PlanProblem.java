package org.drcc.notification.plan;

/** What is wrong with a plan: the field (a JSON path such as {@code tiers[0].audiences[1].contacts[0]}) and why. */
public record PlanProblem(String field, String message) {
}
