package org.drcc.backup.web;

/** The statuses a list can be filtered on; an unknown one is a 400 that names these. */
enum BackupState {
    RUNNING, COMPLETED, FAILED, EXPIRED
}
