package org.drcc.metrics.report;

import java.util.List;

/** The report as one self-contained HTML page, to mail or print. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(MonthlyReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>DR metrics report ")
                .append(r.month()).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em}"
                        + ".met{background:#d4f7d4}.not-met{background:#f7d4d4}</style></head><body>\n");
        h.append("<h1>DR metrics report ").append(r.month()).append("</h1>\n<p>Incidents declared from ")
                .append(r.figures().from()).append(" to ").append(r.figures().to()).append(" (end excluded), as of ")
                .append(r.figures().asOf()).append(". Generated ").append(r.generatedAt())
                .append(" by metrics-service.</p>\n<h2>The plan's targets</h2>\n<table>\n");
        h.append(row("th", List.of("Metric", "Target", "Figure", "Verdict"), null));
        r.checks().forEach(c -> h.append(row("td", List.of(c.metric(), c.target(), c.value(), c.verdict()),
                c.met() == null ? null : c.met() ? "met" : "not-met")));
        h.append("</table>\n").append(image(ReportChart.TARGETS)).append("<h2>Incidents</h2>\n<p>").append(escape(r.summary())).append("</p>\n");
        if (r.incidents().isEmpty()) {
            h.append("<p>No incident was declared this month.</p>\n");
        } else {
            h.append("<table>\n").append(row("th", MonthlyReport.INCIDENT_COLUMNS, null));
            r.incidentRows().forEach(cells -> h.append(row("td", cells, null)));
            h.append("</table>\n").append(image(ReportChart.RECOVERY_TIMES));
        }
        h.append("<h2>Drills</h2>\n");
        if (r.drills().isEmpty()) {
            h.append("<p>").append(escape(ReportText.NO_DRILL)).append("</p>\n");
        } else {
            h.append("<table>\n").append(row("th", MonthlyReport.DRILL_COLUMNS, null));
            List<List<String>> rows = r.drillRows();
            for (int i = 0; i < rows.size(); i++) {
                h.append(row("td", rows.get(i), r.drills().get(i).passed() ? "met" : "not-met"));
            }
            h.append("</table>\n");
        }
        h.append("<p>").append(escape(ReportText.DEFINITIONS)).append("</p>\n</body></html>\n");
        return h.toString();
    }

    private static String image(ReportChart chart) {
        return "<p><img src=\"" + chart.fileName() + "\" alt=\"" + escape(chart.title()) + "\" width=\""
                + ReportChart.WIDTH + "\" height=\"" + ReportChart.HEIGHT + "\"></p>\n";
    }

    private static String row(String cell, List<String> cells, String cssClass) {
        StringBuilder tr = new StringBuilder(cssClass == null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
        cells.forEach(c -> tr.append('<').append(cell).append('>').append(escape(c)).append("</").append(cell).append('>'));
        return tr.append("</tr>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
