package org.drcc.backup.web;

/** A base backup started: its id, to find it in {@code GET /api/base-backups}, and the database server's name. */
record BaseBackupAccepted(String backupId, String database) {
}
