package org.drcc.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drcc.kit.s3.BucketStore;

/**
 * Where a segment and its checkpoint live: named by the Kafka cluster, topic, partition and offset range, so a
 * rewrite after a crash lands on the same object, and a new cluster (whose offsets start at 0 again) starts chains
 * of its own beside the old ones. Zero padding keeps the listing in offset order.
 *
 * @param cluster the Kafka cluster id; null for the layout from before cluster ids ({@code segments/…}), whose chains
 *                belong to the cluster {@link ArchiveClusters} names as their owner
 */
record SegmentKey(String cluster, String topic, int partition, long firstOffset, long lastOffset) {

    static final String CLUSTERS = "clusters/";
    static final String WITHOUT_CLUSTER = "segments/";

    private static final Pattern NAME = Pattern.compile(
            "(?:clusters/([A-Za-z0-9_-]+)/)?segments/([^/]+)/(\\d{5})/(\\d{20})-(\\d{20})\\.(jsonl\\.gz|checkpoint\\.json)");

    static String prefix(String cluster, String topic, int partition) {
        return (cluster == null ? "" : CLUSTERS + cluster + "/") + WITHOUT_CLUSTER + topic + "/"
                + String.format("%05d", partition) + "/";
    }

    String segment() {
        return base() + ".jsonl.gz";
    }

    String checkpoint() {
        return base() + ".checkpoint.json";
    }

    private String base() {
        return prefix(cluster, topic, partition) + String.format("%020d-%020d", firstOffset, lastOffset);
    }

    /** The key an object name stands for, and whether it is the checkpoint; empty for a foreign object. */
    static Optional<Parsed> parse(String objectKey) {
        Matcher m = NAME.matcher(objectKey);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(new SegmentKey(m.group(1), m.group(2), Integer.parseInt(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5))), m.group(6).startsWith("checkpoint")));
    }

    /** Every segment and checkpoint of the archive: those from before cluster ids first, then cluster by cluster. */
    static List<Parsed> all(BucketStore store) {
        List<Parsed> all = new ArrayList<>();
        for (String root : List.of(WITHOUT_CLUSTER, CLUSTERS)) {
            store.list(root).forEach(key -> parse(key).ifPresent(all::add));
        }
        return all;
    }

    record Parsed(SegmentKey key, boolean checkpoint) {
    }
}
