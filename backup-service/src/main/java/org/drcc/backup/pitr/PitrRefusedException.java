package org.drcc.backup.pitr;

/**
 * A restore to an instant refused as things stand (409): not set up for the database, no base backup yet, the
 * target database exists or a restore into it runs. Nothing was started.
 */
public class PitrRefusedException extends RuntimeException {

    public PitrRefusedException(String message) {
        super(message);
    }
}
