package org.drcc.backup.query;

import java.time.Instant;

/**
 * A completed, unexpired backup without a proved copy in {@code tier}: never tried ({@code failedAttempts}
 * 0, {@code since} its completion) or failed ({@code since} the last attempt), and not given up.
 */
public record MissingCopy(String backupId, String database, String objectKey, String tier, int failedAttempts,
                          Instant since) {
}
