package org.drcc.incident.query;

import java.time.Instant;

/**
 * One review of the plan: {@code status} {@code DONE} (held: who, when, what changed), {@code OVERDUE} (not held and
 * past {@code dueAt}) or {@code DUE}.
 */
public record ReviewView(String id, String kind, String what, String incidentId, Instant dueAt, Instant openedAt,
                         String status, Instant reviewedAt, String reviewedBy, Boolean planChanged, String changes) {
}
