package org.drcc.metrics.kafka;

import java.time.Duration;
import java.util.List;

/** What a replay read: every record of the topics from their beginning; unreadable ones were skipped. */
public record ReplayResult(List<String> topics, long records, long unreadable, Duration took) {
}
