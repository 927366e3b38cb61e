package org.drcc.metrics.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gaugeWindow}: the Prometheus gauges cover the incidents declared in this window up to now; a
 * year by default, because an MTBF target of 720 h cannot be met inside a 30-day window.
 * {@code replayOnStartup}: rebuild the facts from the topics at every start.
 * {@code replayTimeout}: how long a replay may take before it gives up.
 * {@code reportBucket}: the S3 bucket of the monthly reports, created on the first report if missing.
 */
@ConfigurationProperties("dr.metrics")
public record MetricsProperties(
        @DefaultValue("P365D") Duration gaugeWindow,
        @DefaultValue("false") boolean replayOnStartup,
        @DefaultValue("PT5M") Duration replayTimeout,
        @DefaultValue("dr-metrics-reports") String reportBucket) {
}
