package org.drcc.notification.query;

import java.time.Instant;

/** What a declaration said that later messages still need: names, severity, targets. */
public record IncidentBrief(String incidentId, String scenarioId, String title, String severity, String rto,
                            Instant declaredAt, boolean drill) {
}
