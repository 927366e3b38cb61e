package org.drcc.notification.plan;

import java.time.Instant;

/** One change of the plan, as the audit shows it: who, when, what (the plan's contents are not shown here). */
public record PlanRevision(long revision, String actor, String change, Instant changedAt) {
}
