package org.drcc.incident.plan;

import java.time.Duration;
import org.drcc.contract.plan.ReviewKind;

/**
 * One line of the plan's review schedule: a review of {@code kind} ({@code what}, in the plan's words), owed by the
 * end of each calendar period (month, quarter, year, UTC), or {@code within} a time after each closed real incident.
 */
public record PlanReview(ReviewKind kind, String what, Duration within) {
}
