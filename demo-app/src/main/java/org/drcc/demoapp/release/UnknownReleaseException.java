package org.drcc.demoapp.release;

/** A release this build does not carry: 400, naming those it does. */
public class UnknownReleaseException extends RuntimeException {

    public UnknownReleaseException(String release) {
        super("unknown release '" + release + "'; this build carries " + Release.versions());
    }
}
