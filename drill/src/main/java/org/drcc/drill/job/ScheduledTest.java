package org.drcc.drill.job;

import java.time.Instant;
import java.util.List;

/** One line of the plan's test schedule with its next runs; {@code kind} is "drill" or "backup-verification". */
public record ScheduledTest(String name, String kind, String description, String cron, List<String> scenarios,
                            boolean enabled, List<Instant> nextRuns) {
}
