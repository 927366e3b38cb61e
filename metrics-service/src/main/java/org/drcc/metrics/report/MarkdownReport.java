package org.drcc.metrics.report;

import java.util.List;
import java.util.stream.Collectors;

/** The report as Markdown (GitHub tables), for the DR repository or a ticket. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(MonthlyReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# DR metrics report ").append(r.month()).append("\n\n");
        md.append("Incidents declared from ").append(r.figures().from()).append(" to ").append(r.figures().to())
                .append(" (end excluded), as of ").append(r.figures().asOf()).append(". Generated ")
                .append(r.generatedAt()).append(" by metrics-service.\n\n");
        md.append("## The plan's targets\n\n");
        md.append(row(List.of("Metric", "Target", "Figure", "Verdict"))).append(separator(4));
        r.checks().forEach(c -> md.append(row(List.of(c.metric(), c.target(), c.value(), c.verdict()))));
        md.append("\n").append(image(ReportChart.TARGETS)).append("\n");
        md.append("\n## Incidents\n\n").append(r.summary()).append("\n\n");
        if (r.incidents().isEmpty()) {
            md.append("No incident was declared this month.\n");
        } else {
            md.append(row(MonthlyReport.INCIDENT_COLUMNS)).append(separator(MonthlyReport.INCIDENT_COLUMNS.size()));
            r.incidentRows().forEach(cells -> md.append(row(cells)));
            md.append("\n").append(image(ReportChart.RECOVERY_TIMES)).append("\n");
        }
        md.append("\n## Drills\n\n");
        if (r.drills().isEmpty()) {
            md.append(ReportText.NO_DRILL).append("\n");
        } else {
            md.append(row(MonthlyReport.DRILL_COLUMNS)).append(separator(MonthlyReport.DRILL_COLUMNS.size()));
            r.drillRows().forEach(cells -> md.append(row(cells)));
        }
        md.append("\n").append(ReportText.DEFINITIONS).append("\n");
        return md.toString();
    }

    private static String image(ReportChart chart) {
        return "![" + chart.title() + "](" + chart.fileName() + ")\n";
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String separator(int columns) {
        return "|---".repeat(columns) + "|\n";
    }
}
