package org.drcc.metrics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.drcc.metrics.report.MonthlyReports;
import org.drcc.metrics.report.ReportChart;
import org.drcc.metrics.report.ReportFormat;
import org.drcc.metrics.report.StoredReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "reports", description = "The monthly DR metrics report in S3")
@RestController
@RequestMapping("/api/metrics/reports/{month}")
class ReportController {

    private final MonthlyReports reports;
    private final Clock clock;

    ReportController(MonthlyReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Operation(summary = "Generate the monthly DR metrics report (Markdown and HTML) into S3",
            description = "month: YYYY-MM, UTC. Generating again replaces the stored report.")
    @ApiResponse(responseCode = "201", description = "Stored; Location is the HTML report")
    @ApiResponse(responseCode = "400", description = "month unreadable or not started; names the parameter",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping
    ResponseEntity<StoredReport> generate(@PathVariable String month) {
        YearMonth m = month(month);
        return ResponseEntity.created(URI.create("/api/metrics/reports/" + m + "/" + ReportFormat.HTML.fileName()))
                .body(reports.generate(m));
    }

    @Operation(summary = "The stored monthly report as Markdown")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/markdown"))
    @ApiResponse(responseCode = "404", description = "Not generated yet",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/report.md")
    ResponseEntity<String> markdown(@PathVariable String month) {
        return read(month, ReportFormat.MARKDOWN);
    }

    @Operation(summary = "The stored monthly report as HTML")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "404", description = "Not generated yet",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/report.html")
    ResponseEntity<String> html(@PathVariable String month) {
        return read(month, ReportFormat.HTML);
    }

    @Operation(summary = "A chart of the stored monthly report (PNG)",
            description = "chart: recovery-times or targets; the report links them by file name.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/png"))
    @ApiResponse(responseCode = "404", description = "No such chart, or the report is not generated yet",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{chart}.png")
    ResponseEntity<byte[]> chart(@PathVariable String month, @PathVariable String chart) {
        YearMonth m = month(month);
        ReportChart c = ReportChart.named(chart).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no chart '" + chart + "': the report has recovery-times.png and targets.png"));
        byte[] png = reports.chart(m, c).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no report for " + m + " yet: POST /api/metrics/reports/" + m + " generates it"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    private ResponseEntity<String> read(String month, ReportFormat format) {
        YearMonth m = month(month);
        String body = reports.read(m, format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no report for " + m + " yet: POST /api/metrics/reports/" + m + " generates it"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType())).body(body);
    }

    private YearMonth month(String value) {
        YearMonth m;
        try {
            m = YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("month", "month '" + value + "' is not a month like 2026-11");
        }
        if (m.isAfter(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new InvalidParameterException("month", "month " + m + " has not started yet");
        }
        return m;
    }
}
