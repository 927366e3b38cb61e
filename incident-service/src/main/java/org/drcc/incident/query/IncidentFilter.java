package org.drcc.incident.query;

import java.time.Instant;

/** Filters of the incident list; null means "any". The time range applies to the declaration time. */
public record IncidentFilter(String status, String scenario, String severity, Instant from, Instant to) {
}
