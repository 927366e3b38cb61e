package org.drcc.archive;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** One partition being archived: the records not yet in a segment and where its segment chain stands. */
final class PartitionState {

    /** The cluster name its segments are kept under (null: the layout from before cluster ids). */
    final String cluster;
    final TopicPartition partition;
    final List<ConsumerRecord<String, String>> buffer = new ArrayList<>();
    /** The next offset to archive: everything before it is in a checkpointed segment; -1 for none yet. */
    long resumeAt;
    String previousSha256;
    /** After a crash between a segment and its checkpoint: the next cut ends here, rewriting that segment. */
    Long forcedLast;
    long bufferedSince;

    PartitionState(String cluster, TopicPartition partition, long resumeAt, String previousSha256, Long forcedLast) {
        this.cluster = cluster;
        this.partition = partition;
        this.resumeAt = resumeAt;
        this.previousSha256 = previousSha256;
        this.forcedLast = forcedLast;
    }

    void add(ConsumerRecord<String, String> record, long nowMillis) {
        long expected = buffer.isEmpty() ? resumeAt : buffer.get(buffer.size() - 1).offset() + 1;
        if (record.offset() < expected) {
            return; // already archived or buffered: a redelivery after a seek
        }
        if (buffer.isEmpty()) {
            bufferedSince = nowMillis;
        }
        buffer.add(record);
    }

    /** How many buffered records the next segment takes now, or 0 for none yet. */
    int due(int maxEvents, long maxAgeMillis, long nowMillis, boolean closing) {
        if (buffer.isEmpty()) {
            return 0;
        }
        if (forcedLast != null) {
            for (int i = 0; i < buffer.size(); i++) {
                if (buffer.get(i).offset() == forcedLast) {
                    return i + 1;
                }
            }
            return 0;
        }
        if (buffer.size() >= maxEvents) {
            return maxEvents;
        }
        return closing || nowMillis - bufferedSince >= maxAgeMillis ? buffer.size() : 0;
    }

    void archived(int count, String sha256, long nowMillis) {
        resumeAt = buffer.get(count - 1).offset() + 1;
        buffer.subList(0, count).clear();
        previousSha256 = sha256;
        forcedLast = null;
        bufferedSince = nowMillis;
    }
}
