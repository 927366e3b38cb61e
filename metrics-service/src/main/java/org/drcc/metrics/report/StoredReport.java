package org.drcc.metrics.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/** Where a generated report was stored: the bucket and one object key per format. */
public record StoredReport(YearMonth month, Instant generatedAt, String bucket, Map<ReportFormat, String> keys) {
}
