package org.drcc.metrics.report;

/** Sentences both formats share. */
final class ReportText {

    static final String DEFINITIONS = "Definitions (metrics-service README): MTTR is the mean of restored − declared over "
            + "the restored real incidents; MTBF the mean time between declarations of real incidents; drills and "
            + "false alarms are excluded from both. A drill succeeds when restored within its RTO and RPO. "
            + "UNKNOWN: the data loss cannot be measured (no suspected damage start) and counts as not achieved. "
            + "PENDING: not restored and still within its RTO.";

    private ReportText() {
    }
}
