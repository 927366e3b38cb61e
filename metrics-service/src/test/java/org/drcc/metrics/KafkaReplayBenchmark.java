package org.drcc.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.contract.Topics;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.metrics.kafka.FactsReplay;
import org.drcc.metrics.kafka.ReplayResult;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.Benchmarks;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The replay benchmark from Kafka (bench/replay-benchmark, second part): puts INCIDENTS incidents' declarations,
 * restores and closes on {@code dr.incident.events}, lets metrics-service's live listener apply them, then rebuilds its
 * facts from the beginning of its topics ({@link FactsReplay}, as {@code POST /api/metrics/replay}) and times a plain
 * consumer reading the same topics from the beginning to the same end. Prints records per second of each and the
 * ratio (target ≥ 0.5).
 */
public final class KafkaReplayBenchmark {

    private static final List<String> TOPICS = List.of(Topics.INCIDENT_EVENTS, Topics.BACKUP_EVENTS,
            Topics.NOTIFICATION_EVENTS, Topics.PLAN_EVENTS);

    public static void main(String[] args) {
        Benchmarks.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("dr-kafka-replay-bench-");
        try (Engines engines = Engines.startForThisJvm(EngineSettings.forTests(dir))) {
            try (ConfigurableApplicationContext service = new SpringApplication(MetricsServiceApplication.class)
                    .run(Benchmarks.serviceArgs(engines, "metrics", dir))) {
                long start = System.nanoTime();
                Instant base = Instant.now().minus(Duration.ofDays(300)).truncatedTo(ChronoUnit.DAYS);
                try (TestEvents events = new TestEvents(engines.bootstrapServers())) {
                    for (int i = 0; i < incidents; i++) {
                        Story story = new Story(events, UUID.randomUUID().toString(), Duration.ofHours(1), i % 10 == 0,
                                base.plus(Duration.ofMinutes(5L * i))).declared();
                        story.restored(Duration.ofHours(1), Duration.ofMinutes(10));
                        story.closed(Duration.ofHours(2));
                    }
                    System.out.printf("%n%d incidents' events published in %.1f s%n", incidents,
                            (System.nanoTime() - start) / 1e9);
                    events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofMinutes(30));
                }
                System.out.printf("applied by the live listener %.1f s after the first was published%n",
                        (System.nanoTime() - start) / 1e9);
                double[] scan = scan(engines.bootstrapServers());
                System.out.printf("plain consumer, the topics from the beginning: %,.0f records in %.2f s, %,.0f records/s%n",
                        scan[0], scan[1], scan[0] / scan[1]);
                long replayStart = System.nanoTime();
                ReplayResult result = service.getBean(FactsReplay.class).replay();
                double seconds = (System.nanoTime() - replayStart) / 1e9;
                System.out.printf("metrics-service's replay (facts emptied, rebuilt through the inbox): %,d records in "
                                + "%.2f s, %,.0f records/s, ratio to the plain consumer %4.2f (target >= 0.5)%n",
                        result.records(), seconds, result.records() / seconds, (scan[1] / scan[0]) * result.records()
                                / seconds);
                double[] again = scan(engines.bootstrapServers());
                System.out.printf("plain consumer again: %,.0f records/s%n", again[0] / again[1]);
            }
        } finally {
            Engines.deleteTree(dir);
        }
    }

    /** Records read and seconds taken by a plain consumer, every partition of the topics from the beginning to the end. */
    private static double[] scan(String bootstrap) {
        long start = System.nanoTime();
        long records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(t -> consumer.partitionsFor(t).stream()
                    .map(p -> new TopicPartition(t, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        return new double[] {records, (System.nanoTime() - start) / 1e9};
    }

    private KafkaReplayBenchmark() {
    }
}
