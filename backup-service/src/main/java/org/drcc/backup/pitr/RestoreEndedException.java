package org.drcc.backup.pitr;

/** A second outcome for a restore to an instant that ended already: refused, so that it ends once. */
class RestoreEndedException extends IllegalStateException {

    RestoreEndedException(String message) {
        super(message);
    }
}
