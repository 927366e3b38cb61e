package org.drcc.kit.audit;

import java.time.Instant;

/**
 * The result of checking the whole trail: intact, or the first break. {@code eventsPending}: events stored and not
 * yet linked (committed after the linker's last turn); not a break until they wait too long.
 */
public record ChainReport(boolean intact, long eventsChecked, long eventsPending, long checkpointsChecked, String headHash,
                          Instant checkedAt, ChainBreak firstBreak) {
}
