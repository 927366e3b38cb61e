package org.drcc.backup.pitr;

import java.time.Instant;

/** A restore to an instant accepted: it runs; {@code GET /api/restores/{restoreId}} says how it ends. */
public record PitrRestoreAccepted(String restoreId, String database, String targetDatabase, Instant toTime,
                                  boolean toEndOfArchive, String status) {
}
