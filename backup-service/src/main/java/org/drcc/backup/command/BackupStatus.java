package org.drcc.backup.command;

/** Where a backup is in its life; only COMPLETED backups can be restored, copied or verified. */
public enum BackupStatus {
    RUNNING, COMPLETED, FAILED, EXPIRED
}
