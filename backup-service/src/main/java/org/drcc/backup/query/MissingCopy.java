package org.drcc.backup.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A completed, unexpired backup without a proved copy in {@code tier} (whose bucket is {@code bucket}): never tried
 * ({@code failedAttempts} 0, {@code since} its completion) or failed ({@code since} the last attempt), and not given
 * up. {@code from} is the bucket the backup was written to, {@code sha256} what its dump reads with, {@code proven}
 * the buckets of the tiers that hold a copy proved to read with it (separated by spaces, which no bucket name holds;
 * null for none).
 */
public record MissingCopy(String backupId, String database, String from, String proven, String objectKey, String sha256,
                          String tier, String bucket, int failedAttempts, Instant since) {

    /** Where the copy may be read from, in order: the bucket the dump was written to, then each proven copy's. */
    public List<String> sources() {
        List<String> sources = new ArrayList<>(List.of(from));
        if (proven != null) {
            Arrays.stream(proven.split(" ")).filter(b -> !b.isBlank() && !sources.contains(b) && !b.equals(bucket))
                    .forEach(sources::add);
        }
        return sources;
    }
}
