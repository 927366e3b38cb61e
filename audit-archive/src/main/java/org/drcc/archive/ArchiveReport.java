package org.drcc.archive;

import java.time.Instant;
import java.util.List;

/**
 * The archive checked segment by segment: intact, or its first break; the totals over every Kafka cluster's
 * chains, then what was found per cluster (oldest first); notes say what could not be checked.
 */
public record ArchiveReport(boolean intact, int partitions, long segmentsChecked, long eventsChecked,
                            Instant checkedAt, ArchiveBreak firstBreak, List<ClusterReport> clusters, List<String> notes) {
}
