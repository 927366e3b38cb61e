package org.drcc.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.metrics.report.MonthlyReportTest.incident;
import static org.drcc.metrics.report.MonthlyReportTest.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.drcc.metrics.figures.Rate;
import org.junit.jupiter.api.Test;

/** Every chart is a PNG of the size the report's HTML declares, with data or without. */
class ReportChartTest {

    @Test
    void drawsEachChartAsAPng() throws Exception {
        MonthlyReport report = report(Duration.ofHours(5), null, Rate.of(1, 2), List.of(incident("i-1", "db")));
        for (ReportChart chart : ReportChart.values()) {
            assertPng(chart.render(report));
        }
    }

    @Test
    void drawsAnEmptyMonthToo() throws Exception {
        MonthlyReport empty = report(null, null, Rate.of(0, 0), List.of());
        for (ReportChart chart : ReportChart.values()) {
            assertPng(chart.render(empty));
        }
    }

    @Test
    void theReportsLinkTheirChartsByFileName() {
        MonthlyReport report = report(Duration.ofHours(5), null, Rate.of(1, 2), List.of(incident("i-1", "db")));
        assertThat(MarkdownReport.render(report)).contains("](targets.png)", "](recovery-times.png)");
        assertThat(HtmlReport.render(report)).contains("<img src=\"targets.png\"", "<img src=\"recovery-times.png\"");
        assertThat(ReportChart.named("targets")).contains(ReportChart.TARGETS);
        assertThat(ReportChart.named("../report")).isEmpty();
    }

    private static void assertPng(byte[] png) throws Exception {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ReportChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ReportChart.HEIGHT);
    }
}
