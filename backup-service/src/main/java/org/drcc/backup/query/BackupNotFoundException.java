package org.drcc.backup.query;

/** No backup has this id. */
public class BackupNotFoundException extends RuntimeException {

    public BackupNotFoundException(String backupId) {
        super("no backup has id '" + backupId + "'");
    }
}
