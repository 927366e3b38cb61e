package org.drcc.incident.query;

import java.time.Instant;

/**
 * Filters of the incident list; null means "any". Open means neither closed nor cancelled. The time range applies to
 * the declaration time.
 */
public record IncidentFilter(String status, Boolean open, String scenario, String severity, Instant from, Instant to) {
}
