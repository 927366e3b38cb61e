package org.drcc.backup.retention;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Grandfather-father-son: the newest backup of each of the last N days, ISO weeks and months is kept.
 * A policy that keeps no period at all would let retention delete every backup the other rules do not
 * hold, so each count must be 0 or more and at least one of them 1 or more; anything else is refused
 * when the settings are read, and the service does not start.
 */
public record RetentionPolicy(
        @DefaultValue("30") int daily,
        @DefaultValue("12") int weekly,
        @DefaultValue("12") int monthly) {

    public static final RetentionPolicy PLAN = new RetentionPolicy(30, 12, 12);

    public RetentionPolicy {
        if (daily < 0 || weekly < 0 || monthly < 0 || (daily == 0 && weekly == 0 && monthly == 0)) {
            throw new IllegalArgumentException("retention must keep something: daily, weekly and monthly are each 0 "
                    + "or more, and at least one is 1 or more (got daily=" + daily + ", weekly=" + weekly
                    + ", monthly=" + monthly + ")");
        }
    }
}
