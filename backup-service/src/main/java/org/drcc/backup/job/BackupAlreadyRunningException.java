package org.drcc.backup.job;

/** One backup per database at a time: a second one would compete for the same server and prove nothing more. */
public class BackupAlreadyRunningException extends RuntimeException {

    public BackupAlreadyRunningException(String database, String runningBackupId) {
        super("backup " + runningBackupId + " of " + database + " is still running; wait for it "
                + "(GET /api/backups/" + runningBackupId + ")");
    }

    /** Another job holds the database, as {@link RestoreOverDatabaseRunningException} says. */
    protected BackupAlreadyRunningException(String message) {
        super(message);
    }
}
