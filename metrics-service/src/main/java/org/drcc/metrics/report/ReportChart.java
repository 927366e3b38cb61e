package org.drcc.metrics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.Rate;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts, drawn headless into PNG with JFreeChart and stored next to the report, which
 * links them by file name: the same relative link works in S3 and through the API.
 */
public enum ReportChart {
    RECOVERY_TIMES("recovery-times", "Time to recover per incident, against its RTO"),
    TARGETS("targets", "Achievement rates against the plan's 100 % targets");

    static final int WIDTH = 800;
    static final int HEIGHT = 400;
    private static final double HOUR = 3600.0;

    private final String name;
    private final String title;

    ReportChart(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public String fileName() {
        return name + ".png";
    }

    public String title() {
        return title;
    }

    public static Optional<ReportChart> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name.equals(name)).findFirst();
    }

    byte[] render(MonthlyReport report) {
        JFreeChart chart = this == RECOVERY_TIMES ? recoveryTimes(report) : targets(report);
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("chart " + name + " could not be drawn", e);
        }
    }

    private JFreeChart recoveryTimes(MonthlyReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (IncidentRecovery r : report.incidents()) {
            String label = r.facts().incidentId().substring(0, Math.min(8, r.facts().incidentId().length()))
                    + (r.facts().drill() ? " (drill)" : "");
            data.addValue(hours(r.timeToRecover()), "Time to recover (h)", label);
            data.addValue(hours(r.facts().rto()), "RTO (h)", label);
        }
        JFreeChart chart = ChartFactory.createBarChart(title + " – " + report.month(), "Incident", "Hours", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setNoDataMessage("No incident was declared this month");
        return styled(chart);
    }

    private JFreeChart targets(MonthlyReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        rate(data, "RTO achievement", report.figures().rtoAchievement());
        rate(data, "RPO achievement", report.figures().rpoAchievement());
        rate(data, "DR test success", report.figures().testSuccess());
        JFreeChart chart = ChartFactory.createBarChart(title + " – " + report.month(), null, "%", data,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 105);
        ValueMarker target = new ValueMarker(100, Color.RED, new BasicStroke(2f));
        target.setLabel("target 100 %");
        target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(target);
        plot.getRenderer().setSeriesPaint(0, new Color(70, 110, 180));
        return styled(chart);
    }

    /** A rate with no data has no bar, and says so under it. */
    private static void rate(DefaultCategoryDataset data, String metric, Rate rate) {
        Double value = percent(rate);
        data.addValue(value, "Achieved (%)", value == null ? metric + " (no data)" : metric);
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(new Color(245, 245, 245));
        return chart;
    }

    private static Double hours(Duration d) {
        return d == null ? null : d.getSeconds() / HOUR;
    }

    private static Double percent(Rate rate) {
        return rate == null || rate.ratio() == null ? null : rate.ratio() * 100;
    }
}
