package org.drcc.metrics.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/** Where a generated report was stored: the bucket, one object key per format and one per chart (PNG). */
public record StoredReport(YearMonth month, Instant generatedAt, String bucket, Map<ReportFormat, String> keys,
                           Map<ReportChart, String> charts) {
}
