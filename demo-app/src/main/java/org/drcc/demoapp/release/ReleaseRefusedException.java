package org.drcc.demoapp.release;

/** A deploy or rollback that would change nothing or has nothing to go back to: 409. */
public class ReleaseRefusedException extends RuntimeException {

    public ReleaseRefusedException(String message) {
        super(message);
    }
}
