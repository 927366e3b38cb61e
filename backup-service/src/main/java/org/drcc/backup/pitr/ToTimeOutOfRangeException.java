package org.drcc.backup.pitr;

/** The instant asked for cannot be restored: in the future, or before the oldest base backup. */
public class ToTimeOutOfRangeException extends RuntimeException {

    public ToTimeOutOfRangeException(String message) {
        super(message);
    }
}
