package org.drcc.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition being archived: the segment being filled (its records compressed as they arrive), the segments
 * cut and not yet written, and where its segment chain stands.
 */
final class PartitionState {

    /** The cluster name its segments are kept under (null: the layout from before cluster ids). */
    final String cluster;
    final TopicPartition partition;
    /** The next offset to archive: everything before it is in a checkpointed segment; -1 for none yet. */
    long resumeAt;
    String previousSha256;
    /** After a crash between a segment and its checkpoint: the next cut ends here, rewriting that segment. */
    Long forcedLast;
    private final SegmentEncoder encoder;
    private final Deque<SegmentEncoder.Encoded> cut = new ArrayDeque<>();
    private SegmentEncoder.Open open;
    private long openedAt;
    private long lastBuffered = -1;

    PartitionState(String cluster, TopicPartition partition, long resumeAt, String previousSha256, Long forcedLast,
                   SegmentEncoder encoder) {
        this.cluster = cluster;
        this.partition = partition;
        this.resumeAt = resumeAt;
        this.previousSha256 = previousSha256;
        this.forcedLast = forcedLast;
        this.encoder = encoder;
    }

    /**
     * Adds a record to the open segment, and cuts it when it holds {@code maxEvents} records, or, after a crash,
     * when it reaches the last offset of the segment written without its checkpoint (size gives way to that).
     */
    void add(ConsumerRecord<String, String> record, long nowMillis, int maxEvents) {
        long expected = open != null || !cut.isEmpty() ? lastBuffered + 1 : resumeAt;
        if (record.offset() < expected) {
            return; // already archived or buffered: a redelivery after a seek
        }
        if (open == null) {
            open = encoder.open();
            openedAt = nowMillis;
        }
        open.add(record);
        lastBuffered = record.offset();
        Long last = forcedLastAhead();
        if (last != null ? record.offset() == last : open.count() >= maxEvents) {
            cutOpen();
        }
    }

    /**
     * The next segment to write now, or null for none yet: one already cut, or the open one once its oldest record
     * has waited {@code maxAgeMillis} or the archiver is closing (neither cuts a segment that must end where the
     * one written without its checkpoint did).
     */
    SegmentEncoder.Encoded due(long maxAgeMillis, long nowMillis, boolean closing) {
        if (cut.isEmpty() && open != null && forcedLastAhead() == null
                && (closing || nowMillis - openedAt >= maxAgeMillis)) {
            cutOpen();
        }
        return cut.peekFirst();
    }

    /** The segment {@link #due} gave is written and checkpointed: the chain goes on from it. */
    void archived(SegmentEncoder.Encoded segment, String sha256) {
        if (cut.peekFirst() != segment) {
            throw new IllegalStateException("archived a segment out of order: " + segment.firstOffset());
        }
        cut.removeFirst();
        resumeAt = segment.lastOffset() + 1;
        previousSha256 = sha256;
        forcedLast = null;
    }

    /** Forgets what was buffered: it is read again from Kafka, from {@link #resumeAt}. */
    void discard() {
        if (open != null) {
            open.discard();
            open = null;
        }
        cut.clear();
        lastBuffered = -1;
    }

    /** Records buffered and not yet archived, in the open segment or in segments cut. */
    int buffered() {
        return (open == null ? 0 : open.count()) + cut.stream().mapToInt(SegmentEncoder.Encoded::count).sum();
    }

    /** The forced last offset while the segment it ends is still to be cut. */
    private Long forcedLastAhead() {
        return forcedLast != null && cut.isEmpty() ? forcedLast : null;
    }

    private void cutOpen() {
        cut.addLast(open.finish());
        open = null;
    }
}
