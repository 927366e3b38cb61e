package org.drcc.metrics.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.drcc.kit.kafka.MalformedEventException;
import org.drcc.metrics.query.IncidentFactsProjection;
import org.drcc.metrics.query.ProjectionReset;
import org.drcc.metrics.query.ProjectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the facts from the whole history: empties them (and the inbox), then reads the topics from
 * the beginning with a consumer of its own, assigned every partition and in no group, up to the end
 * offsets seen at the start. The live listener keeps running: what it applies meanwhile is applied
 * once, by whichever of the two gets to it first, as both go through the inbox.
 */
@Component
public class FactsReplay {

    private static final Logger log = LoggerFactory.getLogger(FactsReplay.class);

    private final ConsumerFactory<String, String> consumers;
    private final ProjectedEvents events;
    private final ProjectionReset reset;
    private final ProjectionState state;
    private final ReplaySettings settings;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    FactsReplay(ConsumerFactory<String, String> consumers, ProjectedEvents events,
                ProjectionReset reset, ProjectionState state, ReplaySettings settings, Clock clock) {
        this.consumers = consumers;
        this.events = events;
        this.reset = reset;
        this.state = state;
        this.settings = settings;
        this.clock = clock;
    }

    public ReplayResult replay() {
        if (!running.tryLock()) {
            throw new ReplayRunningException();
        }
        try {
            Instant start = clock.instant();
            reset.reset();
            long[] counts = read();
            state.rebuilt(IncidentFactsProjection.NAME, IncidentFactsProjection.VERSION, clock.instant());
            ReplayResult result = new ReplayResult(ProjectedTopics.ALL, counts[0], counts[1],
                    Duration.between(start, clock.instant()));
            log.info("Replayed the projection: {}", result);
            return result;
        } finally {
            running.unlock();
        }
    }

    /** True when the stored facts were built by another version of the projection, or by none. */
    public boolean outdated() {
        return !state.version(IncidentFactsProjection.NAME).equals(Optional.of(IncidentFactsProjection.VERSION));
    }

    private long[] read() {
        Properties props = new Properties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long records = 0;
        long unreadable = 0;
        try (Consumer<String, String> consumer = consumers.createConsumer(null, null, "-replay", props)) {
            List<TopicPartition> partitions = ProjectedTopics.ALL.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + settings.replayTimeout().toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replay did not reach the end of " + ProjectedTopics.ALL
                            + " within " + settings.replayTimeout() + "; the facts are incomplete: replay again");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    try {
                        events.consume(record);
                    } catch (MalformedEventException e) {
                        // The live listener parked it on the dead-letter topic already.
                        unreadable++;
                        log.warn("Replay skipped an unreadable record: {}", e.getMessage());
                    }
                }
            }
        }
        return new long[] {records, unreadable};
    }
}
