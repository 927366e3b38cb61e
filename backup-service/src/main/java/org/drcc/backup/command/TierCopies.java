package org.drcc.backup.command;

import java.util.HashMap;
import java.util.Map;

/**
 * What the backup's events say of its copy in each tier: how many attempts failed, the last cause,
 * whether a copy was proved, whether the copy was given up. Failed attempts are counted per tier so
 * that a record of an attempt already counted (a second instance retrying at the same moment) is a
 * duplicate, not one more attempt.
 */
final class TierCopies {

    record Tier(String bucket, int failedAttempts, String lastCause, boolean copied, boolean abandoned) {
    }

    private final Map<String, Tier> tiers = new HashMap<>();

    Tier of(String tier) {
        return tiers.getOrDefault(tier, new Tier(null, 0, null, false, false));
    }

    void failed(String tier, String bucket, String cause) {
        Tier t = of(tier);
        tiers.put(tier, new Tier(bucket, t.failedAttempts() + 1, cause, t.copied(), t.abandoned()));
    }

    void copied(String tier, String bucket) {
        Tier t = of(tier);
        tiers.put(tier, new Tier(bucket, t.failedAttempts(), t.lastCause(), true, t.abandoned()));
    }

    void abandoned(String tier) {
        Tier t = of(tier);
        tiers.put(tier, new Tier(t.bucket(), t.failedAttempts(), t.lastCause(), t.copied(), true));
    }
}
