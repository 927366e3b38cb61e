package org.drcc.archive;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes every topic matching the pattern and cuts it into segments. The archive, not the consumer
 * group, says where each partition resumes, and Kafka offsets are committed only after a segment and
 * its checkpoint are written: after a crash it catches up with no gap and no duplicate.
 */
class Archiver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Archiver.class);

    /** The copy it writes ({@link ArchiveCopy#PRIMARY}, {@link ArchiveCopy#OFFSITE}), named in its thread and log lines. */
    private final String copy;
    private final Properties consumerProperties;
    private final ArchiveProperties settings;
    private final SegmentWriter writer;
    private final ArchiveClusters clusters;
    private final Clock clock;
    private final Map<TopicPartition, PartitionState> partitions = new ConcurrentHashMap<>();
    /** Assigned, but where they stand in the archive is not known yet (the store was unreachable). */
    private final Set<TopicPartition> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile String lastError;
    /** The Kafka cluster read now, by its id, and the name its chains are kept under (null: the layout before ids). */
    private volatile String cluster;
    private volatile String chains;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    Archiver(String copy, Properties consumerProperties, ArchiveProperties settings, SegmentWriter writer,
             ArchiveClusters clusters, Clock clock) {
        this.copy = copy;
        this.consumerProperties = consumerProperties;
        this.settings = settings;
        this.writer = writer;
        this.clusters = clusters;
        this.clock = clock;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(consumerProperties);
        running = true;
        thread = new Thread(this::run, "audit-archiver-" + copy);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            consumer.wakeup();
            thread.join(30_000);
        } catch (IllegalStateException closedAlready) {
            // the loop ended on its own and closed the consumer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops on a thread of its own, so that the context's other archiver (the other copy's) stops at the same time:
     * each may take a while to write its last segments, and they would otherwise add up.
     */
    @Override
    public void stop(Runnable callback) {
        Thread stopping = new Thread(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        }, "audit-archiver-" + copy + "-stop");
        stopping.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    String lastError() {
        return lastError;
    }

    private void run() {
        try {
            consumer.subscribe(Pattern.compile(settings.topicPattern()), new Rebalance());
            while (running) {
                try {
                    resumePending();
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        PartitionState state = partitions.get(new TopicPartition(record.topic(), record.partition()));
                        if (state != null) {
                            state.add(record, clock.millis(), settings.segmentEvents());
                        }
                    }
                    cut(false);
                    lastError = null;
                } catch (WakeupException stopping) {
                    // stop() asked; the loop ends and the buffers are flushed below
                } catch (RuntimeException e) {
                    lastError = e.toString();
                    log.warn("audit archiver ({}): a segment could not be written; retrying from the last checkpoint", copy, e);
                    rewind();
                    pause();
                }
            }
            cut(true); // flush on shutdown
        } catch (RuntimeException e) {
            log.error("audit archiver ({}) stopped; the buffered events stay in Kafka for the next start", copy, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void cut(boolean closing) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        for (PartitionState state : partitions.values()) {
            SegmentEncoder.Encoded segment;
            while ((segment = state.due(settings.segmentAge().toMillis(), clock.millis(), closing)) != null) {
                writer.write(state, segment);
                commits.put(state.partition, new OffsetAndMetadata(state.resumeAt));
            }
        }
        if (!commits.isEmpty()) {
            consumer.commitSync(commits);
        }
    }

    /** Forgets what was buffered and reads it again from Kafka, starting after the last checkpoint. */
    private void rewind() {
        for (PartitionState state : partitions.values()) {
            state.discard();
            seek(state);
        }
        // read again where each partition stands: a segment written without its checkpoint is then rewritten
        pending.addAll(partitions.keySet());
    }

    private void seek(PartitionState state) {
        if (state.resumeAt < 0) {
            consumer.seekToBeginning(List.of(state.partition));
        } else {
            consumer.seek(state.partition, state.resumeAt);
        }
    }

    /** Reads where each newly assigned partition stands in the chains of the cluster Kafka answers for now. */
    private void resumePending() {
        if (pending.isEmpty()) {
            return;
        }
        String now = clusters.current();
        if (!now.equals(cluster)) {
            chains = clusters.chainsOf(now);
            cluster = now;
            log.info("audit archiver ({}): Kafka cluster {}, archived {}", copy, now, chains == null
                    ? "under segments/ (the chains from before cluster ids are its own)" : "under clusters/" + now + "/");
        }
        for (TopicPartition partition : pending) {
            PartitionState state = writer.resume(chains, partition);
            partitions.put(partition, state);
            pending.remove(partition);
            seek(state);
            log.info("audit archiver ({}): {} resumes at offset {}", copy, partition, state.resumeAt < 0 ? "0 (beginning)" : state.resumeAt);
        }
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            pending.addAll(assigned);
            try {
                resumePending();
            } catch (RuntimeException e) {
                lastError = e.toString();
                log.warn("audit archiver ({}): cannot read where {} stands in the archive; retrying", copy, pending, e);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            revoked.forEach(partition -> { // their buffers are re-read by the next owner
                PartitionState state = partitions.remove(partition);
                if (state != null) {
                    state.discard();
                }
            });
            pending.removeAll(revoked);
        }
    }
}
