package org.drcc.metrics.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.drcc.metrics.figures.DrillFact;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;

/**
 * The monthly DR metrics report: the month's figures against the plan's targets, each incident declared in the
 * month, and each drill finished in it (the drills its test success is computed from).
 */
public record MonthlyReport(YearMonth month, Instant generatedAt, PeriodFigures figures,
                            List<IncidentRecovery> incidents, List<DrillFact> drills) {

    static final Duration MTTR_TARGET = Duration.ofHours(4);
    static final Duration MTBF_TARGET = Duration.ofHours(720);

    /** The plan's "Recovery Metrics" targets, in its order. */
    public List<TargetCheck> checks() {
        PeriodFigures f = figures;
        return List.of(
                new TargetCheck("MTTR", "< 4 h", Human.duration(f.mttr()),
                        f.mttr() == null ? null : f.mttr().compareTo(MTTR_TARGET) < 0),
                new TargetCheck("MTBF", "> 720 h", Human.duration(f.mtbf()),
                        f.mtbf() == null ? null : f.mtbf().compareTo(MTBF_TARGET) > 0),
                full("RTO achievement", f.rtoAchievement()),
                full("RPO achievement", f.rpoAchievement()),
                full("DR test success", f.testSuccess()));
    }

    static final List<String> INCIDENT_COLUMNS = List.of("Incident", "Scenario", "Severity", "Kind", "Declared",
            "Time to recover", "RTO", "Data loss", "RPO", "State", "Restore evidence", "Computed from");

    /** One row per incident of the month, in the order of {@link #INCIDENT_COLUMNS}. */
    public List<List<String>> incidentRows() {
        return incidents.stream().map(r -> List.of(r.facts().incidentId(), Human.orDash(r.facts().scenario()),
                Human.orDash(r.facts().severity()), r.facts().drill() ? "drill" : "real",
                Human.orDash(r.facts().declaredAt()),
                r.timeToRecover() == null ? "–" : Human.duration(r.timeToRecover()), r.rto().name(),
                r.dataLoss() == null ? "–" : Human.duration(r.dataLoss()), r.rpo().name(), r.state(),
                Human.orDash(r.restoreEvidence()), "RTO: " + Human.clock(r.recoveryClock())
                        + (r.dataLoss() == null ? "" : "; data loss: " + Human.clock(r.dataLossClock())))).toList();
    }

    static final List<String> DRILL_COLUMNS = List.of("Drill", "Scenario", "Trigger", "Started", "Finished",
            "Result", "Incident", "Why it failed");

    /** One row per drill finished in the month, in the order of {@link #DRILL_COLUMNS}. */
    public List<List<String>> drillRows() {
        return drills.stream().map(d -> List.of(d.drillId(), Human.orDash(d.scenario()), Human.orDash(d.trigger()),
                Human.orDash(d.startedAt()), Human.orDash(d.finishedAt()), d.passed() ? "passed" : "failed",
                Human.orDash(d.incidentId()), d.passed() ? "–" : Human.orDash(d.failureReason()))).toList();
    }

    /** The counts in a sentence, the same in both formats. */
    public String summary() {
        var c = figures.counts();
        return "Real incidents: " + c.incidents() + " (restored " + c.restored() + ", open " + c.open()
                + "); false alarms: " + c.falseAlarms() + "; drill incidents: " + c.drills() + ".";
    }

    private static TargetCheck full(String metric, Rate rate) {
        return new TargetCheck(metric, "100 %", Human.rate(rate),
                rate.ratio() == null ? null : rate.achieved() == rate.counted());
    }
}
