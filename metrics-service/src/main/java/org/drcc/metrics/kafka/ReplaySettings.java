package org.drcc.metrics.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.metrics.replay-on-startup}: rebuild the facts from the topics at every start.
 * {@code dr.metrics.replay-timeout}: how long a replay may take before it gives up.
 * {@code dr.metrics.replay-batch}: how many records a replay applies in one transaction at most (Kafka's
 * {@code max.poll.records} of its consumer).
 */
@ConfigurationProperties("dr.metrics")
public record ReplaySettings(@DefaultValue("false") boolean replayOnStartup,
                             @DefaultValue("PT5M") Duration replayTimeout,
                             @DefaultValue("500") int replayBatch) {
}
