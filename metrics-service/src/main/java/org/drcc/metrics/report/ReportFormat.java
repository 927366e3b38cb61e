package org.drcc.metrics.report;

/** The two formats a report is stored in, with their object name and media type. */
public enum ReportFormat {
    MARKDOWN("report.md", "text/markdown; charset=utf-8"),
    HTML("report.html", "text/html; charset=utf-8");

    private final String fileName;
    private final String mediaType;

    ReportFormat(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    String render(MonthlyReport report) {
        return this == MARKDOWN ? MarkdownReport.render(report) : HtmlReport.render(report);
    }
}
