package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionStateTest {

    private static final SegmentEncoder ENCODER = new SegmentEncoder(new ObjectMapper());

    private static ConsumerRecord<String, String> record(long offset) {
        return new ConsumerRecord<>("dr.incident.events", 0, offset, "k", "{\"n\":" + offset + "}");
    }

    /** A partition that resumes at {@code resumeAt}, after records 0 to 9 were polled at time 0. */
    private static PartitionState state(long resumeAt, Long forcedLast, int maxEvents) {
        PartitionState state = new PartitionState("cluster-a", new TopicPartition("dr.incident.events", 0), resumeAt,
                SegmentCheckpoint.GENESIS, forcedLast, ENCODER);
        for (long o = 0; o < 10; o++) {
            state.add(record(o), 0, maxEvents);
        }
        return state;
    }

    /** Writes every segment due, as the archiver does, and gives their ranges. */
    private static List<String> archiveDue(PartitionState state, long now, boolean closing) {
        List<String> ranges = new ArrayList<>();
        SegmentEncoder.Encoded segment;
        while ((segment = state.due(60_000, now, closing)) != null) {
            ranges.add(segment.firstOffset() + "-" + segment.lastOffset() + "/" + segment.count());
            state.archived(segment, "sha-" + segment.lastOffset());
        }
        return ranges;
    }

    @Test
    void aSegmentIsCutWhenFull() {
        PartitionState state = state(0, null, 4);
        assertThat(archiveDue(state, 1_000, false)).containsExactly("0-3/4", "4-7/4");
        assertThat(state.buffered()).as("8 and 9 wait for more, or for their age").isEqualTo(2);
        assertThat(state.resumeAt).isEqualTo(8);
        assertThat(state.previousSha256).isEqualTo("sha-7");
    }

    @Test
    void aSegmentIsCutWhenItsOldestRecordHasWaitedOrOnShutdown() {
        assertThat(archiveDue(state(0, null, 20), 1_000, false)).as("neither full nor old").isEmpty();
        assertThat(archiveDue(state(0, null, 20), 60_000, false)).as("old").containsExactly("0-9/10");
        assertThat(archiveDue(state(0, null, 20), 1_000, true)).as("closing").containsExactly("0-9/10");
    }

    @Test
    void aSegmentFilledRecordByRecordHasTheBytesOfOneEncodedAtOnce() {
        PartitionState state = state(0, null, 20);
        SegmentEncoder.Encoded segment = state.due(60_000, 0, true);
        List<ConsumerRecord<String, String>> records = LongStream.range(0, 10).mapToObj(PartitionStateTest::record).toList();
        assertThat(segment.bytes()).as("a rewrite after a crash is identical").isEqualTo(ENCODER.encode(records));
    }

    @Test
    void recordsAlreadyArchivedOrBufferedAreNotBufferedAgain() {
        PartitionState state = state(4, null, 20);
        assertThat(state.buffered()).isEqualTo(6);
        state.add(record(9), 0, 20);
        state.add(record(3), 0, 20);
        assertThat(state.buffered()).isEqualTo(6);
        assertThat(archiveDue(state, 0, true)).containsExactly("4-9/6");
    }

    @Test
    void afterACrashTheNextSegmentEndsWhereTheUncheckpointedOneDid() {
        PartitionState state = state(0, 6L, 3);
        assertThat(archiveDue(state, 1_000_000, true)).as("size, age and shutdown give way, then size counts again")
                .containsExactly("0-6/7", "7-9/3");
        assertThat(state.forcedLast).isNull();
        assertThat(state.resumeAt).isEqualTo(10);
    }

    @Test
    void theSegmentThatMustEndAtTheForcedOffsetWaitsForIt() {
        PartitionState state = state(0, 12L, 3);
        assertThat(archiveDue(state, 1_000_000, true)).isEmpty();
        state.add(record(10), 0, 3);
        state.add(record(11), 0, 3);
        state.add(record(12), 0, 3);
        assertThat(archiveDue(state, 0, false)).containsExactly("0-12/13");
    }

    @Test
    void aDiscardedBufferIsReadAgainFromWhereTheArchiveStands() {
        PartitionState state = state(0, null, 4);
        SegmentEncoder.Encoded first = state.due(60_000, 0, false);
        state.archived(first, "sha-3");
        state.discard(); // a write failed: the archiver seeks back to resumeAt
        assertThat(state.buffered()).isZero();
        for (long o = 4; o < 10; o++) {
            state.add(record(o), 0, 4);
        }
        assertThat(archiveDue(state, 0, true)).containsExactly("4-7/4", "8-9/2");
    }
}
