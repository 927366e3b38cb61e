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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.drcc.metrics.query.IncidentFactsProjection;
import org.drcc.metrics.query.ProjectionReset;
import org.drcc.metrics.query.ProjectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the facts from the whole history: empties them (and the inbox), then reads the topics from
 * the beginning with a consumer of its own, assigned every partition and in no group, up to the end
 * offsets seen at the start. The live listener keeps running: what it applies meanwhile is applied
 * once, by whichever of the two gets to it first, as both go through the inbox.
 *
 * <p>The records of each poll (up to {@code dr.metrics.replay-batch}, 500) are applied in one transaction: their facts
 * and their inbox rows commit together or not at all, so a replay cut short (a crash, Kafka gone) never leaves a
 * fact without its inbox row or the other way round, and one commit (one WAL flush) serves hundreds of records
 * instead of each its own. A batch that deadlocks with the live listener (both applying the same incident,
 * each waiting on rows the other holds) is rolled back whole and applied again.
 */
@Component
public class FactsReplay {

    private static final Logger log = LoggerFactory.getLogger(FactsReplay.class);

    /** How often a batch rolled back by a deadlock is tried in all. */
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final ConsumerFactory<String, String> consumers;
    private final ProjectedEvents events;
    private final ProjectionReset reset;
    private final ProjectionState state;
    private final ReplaySettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    FactsReplay(ConsumerFactory<String, String> consumers, ProjectedEvents events,
                ProjectionReset reset, ProjectionState state, ReplaySettings settings,
                TransactionTemplate transactions, Clock clock) {
        this.consumers = consumers;
        this.events = events;
        this.reset = reset;
        this.state = state;
        this.settings = settings;
        this.transactions = transactions;
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
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.replayBatch()));
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
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                if (!batch.isEmpty()) {
                    records += batch.count();
                    unreadable += apply(batch);
                }
            }
        }
        return new long[] {records, unreadable};
    }

    /** Applies one poll's records in one transaction; the number of unreadable records among them. */
    private long apply(ConsumerRecords<String, String> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                // the inbox's rows and the facts of the whole batch: one transaction
                Long unreadable = transactions.execute(status -> events.consumeAll(batch));
                return unreadable == null ? 0 : unreadable;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                log.info("A replay batch of {} records met the live listener on the same rows and was rolled back; "
                        + "applying it again ({})", batch.count(), e.getMessage());
            }
        }
    }
}
