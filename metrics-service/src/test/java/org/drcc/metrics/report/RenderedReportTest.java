package org.drcc.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.metrics.report.MonthlyReportTest.FAILED;
import static org.drcc.metrics.report.MonthlyReportTest.PASSED;
import static org.drcc.metrics.report.MonthlyReportTest.incident;
import static org.drcc.metrics.report.MonthlyReportTest.report;

import java.time.Duration;
import java.util.List;
import org.drcc.metrics.figures.Rate;
import org.junit.jupiter.api.Test;

class RenderedReportTest {

    private final MonthlyReport report = report(Duration.ofHours(5), null, Rate.of(1, 2),
            List.of(incident("i-1", "a|b<script>")), List.of(PASSED, FAILED));

    @Test
    void markdownHasTheTargetsTableAndEscapesPipes() {
        String md = MarkdownReport.render(report);
        assertThat(md).startsWith("# DR metrics report 2026-11\n")
                .contains("| MTTR | < 4 h | 5 h 00 min | not met |")
                .contains("| MTBF | > 720 h | no data | no data |")
                .contains("| RTO achievement | 100 % | 50.0 % (1 of 2) | not met |")
                .contains("| i-1 | a\\|b<script> |")
                .contains("## Drills\n\n| Drill | Scenario |")
                .contains("| d-2 | point-in-time-recovery | manual |")
                .contains("| failed | – | step 'backup-ready' failed |");
    }

    @Test
    void htmlEscapesWhatTheEventsCarryAndMarksVerdicts() {
        String html = HtmlReport.render(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<td>a|b&lt;script&gt;</td>")
                .doesNotContain("<script>")
                .contains("<tr class=\"not-met\"><td>MTTR</td><td>&lt; 4 h</td><td>5 h 00 min</td><td>not met</td></tr>")
                .contains("<tr class=\"met\"><td>DR test success</td>")
                .contains("<tr class=\"not-met\"><td>d-2</td>").contains("<td>step &#39;backup-ready&#39; failed</td>")
                .contains("<tr class=\"met\"><td>d-1</td>");
    }

    @Test
    void anEmptyMonthSaysSoInBothFormats() {
        MonthlyReport empty = report(null, null, Rate.of(0, 0), List.of());
        assertThat(MarkdownReport.render(empty)).contains("No incident was declared this month.");
        assertThat(HtmlReport.render(empty)).contains("<p>No incident was declared this month.</p>");
        assertThat(MarkdownReport.render(empty)).contains("No drill finished this month: DR test success has no data.");
        assertThat(HtmlReport.render(empty)).contains("<p>No drill finished this month: DR test success has no data.</p>");
    }
}
