package org.drcc.backup.pitr;

import java.util.List;

/** A pgBackRest repository ({@code repo<number>}): one per tier, in the tiers' order. */
public record Repository(int number, String tier, String bucket) {

    public static final List<String> TIERS = List.of("primary", "secondary", "tertiary");

    String option(String name) {
        return "repo" + number + "-" + name;
    }
}
