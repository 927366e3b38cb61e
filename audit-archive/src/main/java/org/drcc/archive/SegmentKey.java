package org.drcc.archive;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a segment and its checkpoint live: named only by topic, partition and offset range, so a
 * rewrite after a crash lands on the same object. Zero padding keeps the listing in offset order.
 */
record SegmentKey(String topic, int partition, long firstOffset, long lastOffset) {

    private static final Pattern NAME = Pattern.compile("segments/([^/]+)/(\\d{5})/(\\d{20})-(\\d{20})\\.(jsonl\\.gz|checkpoint\\.json)");

    static String prefix(String topic, int partition) {
        return "segments/" + topic + "/" + String.format("%05d", partition) + "/";
    }

    String segment() {
        return base() + ".jsonl.gz";
    }

    String checkpoint() {
        return base() + ".checkpoint.json";
    }

    private String base() {
        return prefix(topic, partition) + String.format("%020d-%020d", firstOffset, lastOffset);
    }

    /** The key an object name stands for, and whether it is the checkpoint; empty for a foreign object. */
    static Optional<Parsed> parse(String objectKey) {
        Matcher m = NAME.matcher(objectKey);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(new SegmentKey(m.group(1), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4))), m.group(5).startsWith("checkpoint")));
    }

    record Parsed(SegmentKey key, boolean checkpoint) {
    }
}
