package org.drcc.backup.web;

import java.util.List;

/**
 * A base backup started: its id, to find it in {@code GET /api/base-backups}, the database server's name, and the
 * tiers it goes to, in turn (each gets a row there once it ended in that tier).
 */
record BaseBackupAccepted(String backupId, String database, List<String> tiers) {
}
