package org.drcc.contract.incident;

import java.time.Duration;

/** The scenario an incident is run by, with its targets; null rpo: no data to lose (versioned code). */
public record IncidentTargets(String scenarioId, Duration rto, Duration rpo, boolean drill) {
}
