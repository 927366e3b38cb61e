package org.drcc.metrics.gauges;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.metrics.gauge-window}: the Prometheus gauges cover the incidents declared in this window up
 * to now; a year by default, because an MTBF target of 720 h cannot be met inside a 30-day window.
 */
@ConfigurationProperties("dr.metrics")
public record GaugeSettings(@DefaultValue("P365D") Duration gaugeWindow) {
}
