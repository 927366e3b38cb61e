package org.drcc.backup.retention;

import org.springframework.boot.context.properties.bind.DefaultValue;

/** Grandfather-father-son: the newest backup of each of the last N days, ISO weeks and months is kept. */
public record RetentionPolicy(
        @DefaultValue("30") int daily,
        @DefaultValue("12") int weekly,
        @DefaultValue("12") int monthly) {

    public static final RetentionPolicy PLAN = new RetentionPolicy(30, 12, 12);
}
