package org.drcc.backup.job;

/** A restore into a new database named one that exists; nothing was touched. */
public class TargetDatabaseExistsException extends RuntimeException {

    public TargetDatabaseExistsException(String database) {
        super("database '" + database + "' already exists; name a new database to restore into");
    }
}
