package org.drcc.drill.job;

import java.time.Duration;
import org.drcc.drill.query.DrillStep;
import org.drcc.drill.query.DrillSummary;
import org.drcc.drill.query.DrillView;

/** A drill's result in the plan's test-results format: Markdown with timestamps. */
final class DrillReport {

    private DrillReport() {
    }

    static String markdown(DrillView view) {
        DrillSummary d = view.drill();
        StringBuilder md = new StringBuilder();
        md.append("# DR drill ").append(d.scenario()).append(": ").append(d.status()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Drill", d.drillId());
        row(md, "Scenario", d.scenario());
        row(md, "Protected database", d.database() + (d.scenario().startsWith("application-")
                ? " (only read: the drill exercises the application's releases and instances)"
                : " (drilled on scratch copies only)"));
        row(md, "Trigger", d.trigger());
        row(md, "Started by", d.actor());
        row(md, "Started", String.valueOf(d.startedAt()));
        row(md, "Finished", String.valueOf(d.finishedAt()));
        row(md, "Incident (drill)", String.valueOf(d.incidentId()));
        row(md, "Backup restored", d.backupId() == null ? "-" : d.backupId() + " (restore point " + d.restorePoint() + ")");
        row(md, "Result", d.status() + (d.reason() == null ? "" : ": " + d.reason()));
        md.append("\n## Targets\n\n| Measure | Measured | Target | Met |\n|---|---|---|---|\n");
        switch (d.scenario()) {
            case "application-code-corruption" -> {
                target(md, "RTO (bad release deployed to validated rollback)", d.rto(), d.rtoTarget());
                target(md, "Time to detect (deployed to caught by a check)", between(view, ApplicationExercise.DEPLOYED,
                        ApplicationExercise.DETECTED), d.rtoTarget());
                target(md, "Time to roll back (caught to validated)", between(view, ApplicationExercise.DETECTED,
                        ApplicationExercise.VALIDATED), d.rtoTarget());
            }
            case "application-failover" -> target(md, "Failover (instance 1 stopped to instance 2 serving)", d.rto(),
                    d.rtoTarget());
            default -> {
                target(md, "RTO (declared to restored)", d.rto(), d.rtoTarget());
                target(md, "RPO (damage to restore point)", d.rpo(), d.rpoTarget());
            }
        }
        md.append("\n## Steps\n\n| # | Step | Started | Ended | Outcome | Detail |\n|---|---|---|---|---|---|\n");
        for (DrillStep s : view.steps()) {
            md.append("| ").append(s.seq()).append(" | ").append(s.step()).append(" | ").append(s.startedAt())
                    .append(" | ").append(s.endedAt()).append(" | ").append(s.outcome()).append(" | ")
                    .append(cell(s.detail())).append(" |\n");
        }
        if (d.pendingCleanup() != null) {
            md.append("\nScratch databases marked for cleanup at the next start: ").append(d.pendingCleanup()).append('\n');
        }
        return md.toString();
    }

    /** From the start of step {@code from} (or its end, when it is the later one's start) to the end of {@code to}. */
    private static Duration between(DrillView view, String from, String to) {
        DrillStep start = step(view, from);
        DrillStep end = step(view, to);
        if (start == null || end == null || !"OK".equals(end.outcome())) {
            return null;
        }
        return Duration.between(ApplicationExercise.DEPLOYED.equals(from) ? start.startedAt() : start.endedAt(),
                end.endedAt());
    }

    private static DrillStep step(DrillView view, String name) {
        return view.steps().stream().filter(s -> name.equals(s.step())).findFirst().orElse(null);
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static void target(StringBuilder md, String name, Duration measured, Duration target) {
        String met = target == null ? "no target" : measured == null ? "not measured"
                : measured.compareTo(target) <= 0 ? "yes" : "NO";
        md.append("| ").append(name).append(" | ").append(measured == null ? "-" : measured).append(" | ")
                .append(target == null ? "-" : target).append(" | ").append(met).append(" |\n");
    }

    private static String cell(String text) {
        return text == null ? "-" : text.replace("|", "\\|").replace("\n", " ");
    }
}
