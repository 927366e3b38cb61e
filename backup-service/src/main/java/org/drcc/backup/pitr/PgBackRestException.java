package org.drcc.backup.pitr;

/** pgBackRest failed: its own error message (the tool redacts passphrases and keys in what it prints). */
public class PgBackRestException extends RuntimeException {

    public PgBackRestException(String message) {
        super(message);
    }
}
