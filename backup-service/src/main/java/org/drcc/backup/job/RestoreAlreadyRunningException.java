package org.drcc.backup.job;

/**
 * One restore into a database at a time: a second one into the same database (a retried request, or two operators
 * at once) would run its {@code pg_restore} against the first's, and over the protected database could leave it
 * half one backup, half the other.
 */
public class RestoreAlreadyRunningException extends RuntimeException {

    public RestoreAlreadyRunningException(String targetDatabase, String runningRestoreId, String backupId) {
        super("restore " + runningRestoreId + " into " + targetDatabase + " is still running; wait for it to end "
                + "(GET /api/backups/" + backupId + ", its restores), then restore again if it is still needed");
    }
}
