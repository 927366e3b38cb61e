package org.drcc.drill.application;

import java.net.URI;
import java.util.List;

/** The application's instances as the drills see them: each answers its health, its functional check and its release. */
public interface AppFleet {

    /** The instances, in the order a client tries them (the first that answers serves). */
    List<URI> instances();

    /** Health, functional check and running release of one instance; unreachable is a probe, not an error. */
    Probe probe(URI instance);

    /** Deploys a release through one instance; every instance runs it from then on. Returns the release deployed. */
    String deploy(URI instance, String release);

    /** Rolls back to the release before the current deployment; returns the release now running. */
    String rollback(URI instance);

    /** Stops one instance, as a crash would. */
    void stop(URI instance);

    /**
     * What one instance answered.
     *
     * @param reachable   it answered at all
     * @param healthy     its health is UP
     * @param checkPassed its functional check passed
     * @param release     the release it runs (null when unreachable)
     * @param detail      what failed, or what the check exercised
     */
    record Probe(URI instance, boolean reachable, boolean healthy, boolean checkPassed, String release, String detail) {

        public static Probe unreachable(URI instance, String why) {
            return new Probe(instance, false, false, false, null, why);
        }

        public boolean serving() {
            return reachable && healthy && checkPassed;
        }

        @Override
        public String toString() {
            return instance + (reachable ? " (release " + release + ", health " + (healthy ? "UP" : "DOWN")
                    + ", functional check " + (checkPassed ? "passed" : "FAILED") + ": " + detail + ")"
                    : " unreachable: " + detail);
        }
    }
}
