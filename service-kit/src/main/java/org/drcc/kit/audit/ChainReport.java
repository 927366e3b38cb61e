package org.drcc.kit.audit;

import java.time.Instant;

/** The result of checking the whole trail: intact, or the first break. */
public record ChainReport(boolean intact, long eventsChecked, long checkpointsChecked, String headHash,
                          Instant checkedAt, ChainBreak firstBreak) {
}
