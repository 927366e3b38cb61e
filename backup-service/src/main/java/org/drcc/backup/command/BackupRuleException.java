package org.drcc.backup.command;

/** A command that the backup's rules refuse; nothing was changed. */
public class BackupRuleException extends RuntimeException {

    public BackupRuleException(String message) {
        super(message);
    }
}
