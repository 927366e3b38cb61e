package org.drcc.metrics.query;

/** Incidents recorded so far; drills are counted apart, as the plan's MTBF excludes them. */
public record IncidentCounts(long incidents, long drills, long open) {
}
