package org.drcc.metrics.kafka;

/** A replay is already running in this instance; a second one would only restart it. */
public class ReplayRunningException extends RuntimeException {

    public ReplayRunningException() {
        super("a replay of the projection is already running");
    }
}
