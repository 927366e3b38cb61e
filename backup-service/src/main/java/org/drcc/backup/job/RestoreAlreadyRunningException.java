package org.drcc.backup.job;

/**
 * One restore into a database at a time: a second one into the same database (a retried request, or two operators
 * at once) would run its {@code pg_restore} against the first's, and over the protected database could leave it
 * half one backup, half the other.
 */
public class RestoreAlreadyRunningException extends RuntimeException {

    /** Another request is starting a restore into the same database at this very moment. */
    public RestoreAlreadyRunningException(String database, String targetDatabase) {
        super("another restore into " + targetDatabase + " is being started at this moment; look at the restores of "
                + "the backups of " + database + " (GET /api/backups?database=" + database + "), then restore again if "
                + "it is still needed");
    }

    public RestoreAlreadyRunningException(String targetDatabase, String runningRestoreId, String backupId) {
        super("restore " + runningRestoreId + " into " + targetDatabase + " is still running; wait for it to end "
                + "(GET /api/backups/" + backupId + ", its restores), then restore again if it is still needed");
    }
}
