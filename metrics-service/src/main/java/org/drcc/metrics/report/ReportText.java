package org.drcc.metrics.report;

/** Sentences both formats share. */
final class ReportText {

    static final String DEFINITIONS = "Definitions (metrics-service README): the time to recover runs from the moment "
            + "service was lost (the incident's detection) to its restore; MTTR is its mean over the restored real "
            + "incidents; MTBF is the operating time of the month (the month minus the time service was down) divided "
            + "by the number of real incidents declared in it; drills and false alarms are excluded from both. Data "
            + "loss runs from the restore point (backup-service's, when the restore was linked to its event) to the "
            + "suspected start of the damage. DR test success is the drills passed of the drills finished in the month, "
            + "each drill as it decided itself (every step worked, the measured RTO and RPO within its scenario's "
            + "targets), with or without an incident; a drill still running is not counted. "
            + "UNKNOWN: the data loss cannot be measured (no suspected damage start) and counts as not achieved. "
            + "PENDING: not restored and still within its RTO.";

    static final String NO_DRILL = "No drill finished this month: DR test success has no data.";

    private ReportText() {
    }
}
