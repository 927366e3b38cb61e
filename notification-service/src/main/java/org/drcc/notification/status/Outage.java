package org.drcc.notification.status;

import java.time.Instant;
import java.util.List;

/**
 * A recorded outage of the components a (real) incident affects: from its declaration until service was back (its
 * first "restored", else its close), or still going ({@code end} null). A cancelled incident was a false alarm and
 * is no outage.
 */
public record Outage(List<String> components, Instant start, Instant end) {
}
