package org.drcc.incident.query;

import java.time.Instant;

/** Filters of the audit trail across incidents; null means "any". {@code to} is exclusive. */
public record AuditFilter(String incidentId, String actor, String type, Instant from, Instant to) {
}
