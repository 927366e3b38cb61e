package org.drcc.backup.job;

/**
 * No backup of a database while a restore over it runs: the dump would hold it half restored, and, complete and
 * consistent in itself, it would verify, and be restored as "the newest verified backup" later. Skipped by the
 * schedule as a running backup is.
 */
public class RestoreOverDatabaseRunningException extends BackupAlreadyRunningException {

    public RestoreOverDatabaseRunningException(String database, String restoreId, String backupId) {
        super("restore " + restoreId + " over " + database + " is running; back it up once it ended (GET /api/backups/"
                + backupId + ", its restores)");
    }
}
