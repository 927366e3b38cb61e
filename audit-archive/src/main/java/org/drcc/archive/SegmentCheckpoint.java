package org.drcc.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the audit key vouches for about one segment: its Kafka cluster, range, its SHA-256 and the hash of the
 * segment before it in the same partition of the same cluster (all zeros for the first), so the segments form a chain.
 *
 * @param cluster the Kafka cluster id it was read from; null in the layout from before cluster ids (its statement
 *                is then the first version's, without the cluster line, so those checkpoints still verify)
 */
record SegmentCheckpoint(String cluster, String topic, int partition, long firstOffset, long lastOffset, int events,
                         String sha256, String previousSha256, Instant firstTime, Instant lastTime,
                         String keyId, String signature) {

    static final String GENESIS = "0".repeat(64);

    /** The exact bytes signed: one field a line, in this order. */
    byte[] statement() {
        List<String> lines = new ArrayList<>();
        if (cluster == null) {
            lines.add("drcc-audit-archive-segment-v1");
        } else {
            lines.addAll(List.of("drcc-audit-archive-segment-v2", cluster));
        }
        lines.addAll(List.of(topic, Integer.toString(partition), Long.toString(firstOffset), Long.toString(lastOffset),
                Integer.toString(events), sha256, previousSha256, firstTime.toString(), lastTime.toString()));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    SegmentKey key() {
        return new SegmentKey(cluster, topic, partition, firstOffset, lastOffset);
    }

    SegmentCheckpoint signed(String signature) {
        return new SegmentCheckpoint(cluster, topic, partition, firstOffset, lastOffset, events, sha256, previousSha256,
                firstTime, lastTime, keyId, signature);
    }
}
