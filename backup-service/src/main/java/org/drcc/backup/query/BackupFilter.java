package org.drcc.backup.query;

import java.time.Instant;

/**
 * Which backups to list; every field may be null. {@code before} with {@code verified} and a limit
 * of 1 finds the newest verified backup taken before an instant: the restore point of an incident.
 */
public record BackupFilter(String database, String status, Boolean verified, Instant before, int limit) {
}
