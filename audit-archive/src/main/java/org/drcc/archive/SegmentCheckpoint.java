package org.drcc.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the audit key vouches for about one segment: its range, its SHA-256 and the hash of the segment
 * before it in the same partition (all zeros for the first), so the segments form a chain.
 */
record SegmentCheckpoint(String topic, int partition, long firstOffset, long lastOffset, int events,
                         String sha256, String previousSha256, Instant firstTime, Instant lastTime,
                         String keyId, String signature) {

    static final String GENESIS = "0".repeat(64);

    /** The exact bytes signed: one field a line, in this order. */
    byte[] statement() {
        return String.join("\n", "drcc-audit-archive-segment-v1", topic, Integer.toString(partition),
                Long.toString(firstOffset), Long.toString(lastOffset), Integer.toString(events), sha256,
                previousSha256, firstTime.toString(), lastTime.toString()).getBytes(StandardCharsets.UTF_8);
    }

    SegmentKey key() {
        return new SegmentKey(topic, partition, firstOffset, lastOffset);
    }
}
