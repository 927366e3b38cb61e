package org.drcc.incident.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.incident.report}: the bucket of the post-incident reports (the drill reports' bucket, by default) and how
 * long they are kept (seven years: 2557 days, as the audit archive).
 */
@ConfigurationProperties("dr.incident.report")
public record ReportSettings(@DefaultValue("dr-drill-reports") String bucket, @DefaultValue("P2557D") Duration retention) {
}
