package org.drcc.demoapp.release;

import java.time.Instant;

/** One line of the ledger: a release made the running one, when, by whom, and whether as a rollback. */
public record Deployment(Instant at, String release, String actor, boolean rollback) {

    static Deployment parse(String line) {
        String[] f = line.split("\t", 4);
        return new Deployment(Instant.parse(f[0]), f[1], f[2], "rollback".equals(f[3]));
    }

    String line() {
        return at + "\t" + release + "\t" + actor + "\t" + (rollback ? "rollback" : "deploy") + "\n";
    }
}
