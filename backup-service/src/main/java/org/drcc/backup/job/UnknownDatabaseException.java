package org.drcc.backup.job;

import java.util.Collection;

/** The database named is not one this service protects. */
public class UnknownDatabaseException extends RuntimeException {

    public UnknownDatabaseException(String database, Collection<String> protectedDatabases) {
        super("'" + database + "' is not a protected database; GET /api/policies lists them: " + protectedDatabases);
    }
}
