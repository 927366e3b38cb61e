package org.drcc.backup.retention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which backups stay, each with the first rule that keeps it, and which expire. {@code deferred} are
 * backups no rule keeps but that this run leaves to the next one (the deletion cap); {@code halted}
 * says why this run deleted nothing at all (null when it did not halt).
 */
public record RetentionPlan(Map<String, String> kept, List<String> expired, List<String> deferred, String halted) {

    public RetentionPlan(Map<String, String> kept, List<String> expired) {
        this(kept, expired, List.of(), null);
    }

    /** Nothing expires: every backup is kept, because of {@code reason}. */
    public static RetentionPlan halted(List<String> backupIds, String reason) {
        Map<String, String> kept = new LinkedHashMap<>();
        backupIds.forEach(id -> kept.put(id, "retention halted"));
        return new RetentionPlan(kept, List.of(), List.of(), reason);
    }

    /**
     * At most {@code max} of the expired backups, the oldest first (they are listed newest first); the
     * newer rest are deferred to the next run, when they are still the oldest no rule keeps.
     */
    public RetentionPlan limitedTo(int max) {
        List<String> oldestFirst = new ArrayList<>(expired);
        Collections.reverse(oldestFirst);
        int now = Math.min(max, oldestFirst.size());
        return new RetentionPlan(kept, List.copyOf(oldestFirst.subList(0, now)),
                List.copyOf(oldestFirst.subList(now, oldestFirst.size())), halted);
    }
}
