package org.drcc.metrics.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dr.metrics.report-bucket}: the S3 bucket of the monthly reports, created on the first report if missing. */
@ConfigurationProperties("dr.metrics")
public record ReportSettings(@DefaultValue("dr-metrics-reports") String reportBucket) {
}
