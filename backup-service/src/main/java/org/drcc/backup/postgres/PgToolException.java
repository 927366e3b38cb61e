package org.drcc.backup.postgres;

import java.io.IOException;

/** pg_dump or pg_restore failed; the message carries its exit code and what it printed. */
public class PgToolException extends IOException {

    public PgToolException(String message) {
        super(message);
    }
}
