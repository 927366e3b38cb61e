package org.drcc.archive;

import java.time.Instant;
import java.util.List;

/** The archive checked segment by segment: intact, or its first break; notes say what could not be checked. */
public record ArchiveReport(boolean intact, int partitions, long segmentsChecked, long eventsChecked,
                            Instant checkedAt, ArchiveBreak firstBreak, List<String> notes) {
}
