package org.drcc.backup.job;

import java.time.Instant;

/** No verified backup of the database was taken before the instant asked for: there is nothing clean to restore. */
public class NoVerifiedBackupException extends RuntimeException {

    public NoVerifiedBackupException(String database, Instant before) {
        super("no verified backup of " + database + " was taken before " + before + "; GET /api/backups?database="
                + database + " lists its backups, and POST /api/backups/{id}/verify proves one restorable");
    }
}
