package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionStateTest {

    private static ConsumerRecord<String, String> record(long offset) {
        return new ConsumerRecord<>("dr.incident.events", 0, offset, "k", "{}");
    }

    private static PartitionState state(long resumeAt, Long forcedLast) {
        PartitionState state = new PartitionState("cluster-a", new TopicPartition("dr.incident.events", 0), resumeAt,
                SegmentCheckpoint.GENESIS, forcedLast);
        for (long o = 0; o < 10; o++) {
            state.add(record(o), 0);
        }
        return state;
    }

    @Test
    void aSegmentIsCutWhenFullOrOldOrOnShutdown() {
        PartitionState state = state(0, null);
        assertThat(state.due(4, 60_000, 1_000, false)).isEqualTo(4);
        assertThat(state.due(20, 60_000, 1_000, false)).as("neither full nor old").isZero();
        assertThat(state.due(20, 60_000, 60_000, false)).as("old").isEqualTo(10);
        assertThat(state.due(20, 60_000, 1_000, true)).as("closing").isEqualTo(10);
    }

    @Test
    void recordsAlreadyArchivedAreNotBufferedAgain() {
        PartitionState state = state(4, null);
        assertThat(state.buffer).extracting(ConsumerRecord::offset).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        state.add(record(9), 0);
        assertThat(state.buffer).hasSize(6);
    }

    @Test
    void afterACrashTheNextSegmentEndsWhereTheUncheckpointedOneDid() {
        PartitionState state = state(0, 6L);
        assertThat(state.due(3, 1, 1_000_000, true)).as("size, age and shutdown give way").isEqualTo(7);
        state.archived(7, "ab", 0);
        assertThat(state.resumeAt).isEqualTo(7);
        assertThat(state.forcedLast).isNull();
        assertThat(state.due(3, 60_000, 0, false)).isEqualTo(3);
    }
}
