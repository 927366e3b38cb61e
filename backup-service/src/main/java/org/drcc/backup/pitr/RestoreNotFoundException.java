package org.drcc.backup.pitr;

/** No restore to an instant with this id. */
public class RestoreNotFoundException extends RuntimeException {

    public RestoreNotFoundException(String restoreId) {
        super("no restore to an instant " + restoreId);
    }
}
