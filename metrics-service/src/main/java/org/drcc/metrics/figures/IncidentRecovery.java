package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import org.drcc.recovery.Verdict;

/** One incident's RTO and RPO detail; a null duration means not known (yet). */
public record IncidentRecovery(
        IncidentFact facts,
        String state,
        Duration timeToRecover,
        Verdict rto,
        Duration dataLoss,
        Verdict rpo) {

    public static IncidentRecovery of(IncidentFact f, Instant asOf) {
        return new IncidentRecovery(f, state(f), f.timeToRecover().orElse(null), f.rtoVerdict(asOf),
                f.dataLoss().orElse(null), f.rpoVerdict());
    }

    /** The furthest state the metrics know of; the incident-service holds the full lifecycle. */
    static String state(IncidentFact f) {
        if (f.cancelledAt() != null) {
            return "CANCELLED";
        }
        if (f.closedAt() != null) {
            return "CLOSED";
        }
        return f.restoredAt() != null ? "RESTORED" : "OPEN";
    }
}
