package org.drcc.metrics.report;

/** Sentences both formats share. */
final class ReportText {

    static final String DEFINITIONS = "Definitions (metrics-service README): the time to recover runs from the moment "
            + "service was lost (the incident's detection) to its restore; MTTR is its mean over the restored real "
            + "incidents; MTBF is the operating time of the month (the month minus the time service was down) divided "
            + "by the number of real incidents declared in it; drills and false alarms are excluded from both. Data "
            + "loss runs from the restore point (backup-service's, when the restore was linked to its event) to the "
            + "suspected start of the damage. A drill succeeds when restored within its RTO and RPO. "
            + "UNKNOWN: the data loss cannot be measured (no suspected damage start) and counts as not achieved. "
            + "PENDING: not restored and still within its RTO.";

    private ReportText() {
    }
}
