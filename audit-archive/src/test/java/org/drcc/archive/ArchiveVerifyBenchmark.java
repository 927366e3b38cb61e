package org.drcc.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.Ports;
import org.drcc.engines.S3Engine;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.s3.BucketStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archive's verification, reading ahead against one GET after another, in the same run on the same archive: an
 * S3Mock of its own on 127.0.0.1 holds SEGMENTS signed segments of EVENTS events each (and their checkpoints), written
 * as the archiver writes them, and the two verifiers take turns over it, ROUNDS times each: one reading READ_AHEAD
 * segments ahead, the other none ({@code dr.archive.read-ahead=0}, each GET when the walk gets there, the verifier as
 * it was). Prints each time, the
 * medians and their ratio. S3Mock answers on loopback; a store across a network, where each round trip is longer,
 * gains more.
 *
 * <p>{@code bench/archive-verify-benchmark [SEGMENTS] [EVENTS] [READ_AHEAD] [ROUNDS]}
 */
public final class ArchiveVerifyBenchmark {

    private static final String BUCKET = "archive-verify-benchmark";
    private static final String TOPIC = "dr.benchmark.events";

    private ArchiveVerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int segments = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int readAhead = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Files.createTempDirectory("archive-verify-benchmark");
        EngineSettings settings = EngineSettings.forTests(dir);
        try (S3Engine s3Engine = S3Engine.launch(settings, List.of(BUCKET), Ports.free());
             S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + settings.s3Port()))
                     .region(Region.US_EAST_1).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dr-local", "dr-local-secret")))
                     .build()) {
            s3Engine.awaitReady();
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
            BucketStore store = new BucketStore(s3, BUCKET);
            ChainSigner signer = ChainSigner.fromFile(dir.resolve("archive-audit.key"));
            Clock clock = Clock.systemUTC();
            ArchiveClusters clusters = new ArchiveClusters(store, () -> "benchmark-cluster", 1, clock);
            SegmentWriter writer = new SegmentWriter(store, 1, json, signer, new RetentionStatus(),
                    new RetentionAlerts((key, id, event) -> { }, BUCKET), clock);

            long start = System.nanoTime();
            PartitionState state = writer.resume("benchmark-cluster", new TopicPartition(TOPIC, 0));
            for (long offset = 0; offset < (long) segments * events; offset++) {
                ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, offset, "incident-" + offset / events,
                        "{\"incidentId\":\"incident-" + offset / events + "\",\"n\":" + offset + "}");
                record.headers().add("ce_type", "dr.benchmark.happened.v1".getBytes(StandardCharsets.UTF_8));
                state.add(record, clock.millis(), events);
                SegmentEncoder.Encoded due = state.due(Long.MAX_VALUE, clock.millis(), false);
                if (due != null) {
                    writer.write(state, due);
                }
            }
            System.out.printf("Archive: %,d segments of %d events (%,d objects) written in %.1f s%n", segments, events,
                    2L * segments, (System.nanoTime() - start) / 1e9);

            ArchiveReads one = new ArchiveReads(0);
            ArchiveReads several = new ArchiveReads(readAhead);
            ArchiveVerifier oneByOne = new ArchiveVerifier(store, json, signer, clusters, clock, group -> Map.of(), one);
            ArchiveVerifier ahead = new ArchiveVerifier(store, json, signer, clusters, clock, group -> Map.of(), several);
            List<Double> floor = new ArrayList<>();
            List<Double> read = new ArrayList<>();
            time(oneByOne, segments, events); // a warm-up of each, not counted
            time(ahead, segments, events);
            for (int round = 1; round <= rounds; round++) {
                floor.add(time(oneByOne, segments, events));
                read.add(time(ahead, segments, events));
                System.out.printf("Round %d: one GET after another %.2f s, reading %d ahead %.2f s%n", round,
                        floor.get(floor.size() - 1), readAhead, read.get(read.size() - 1));
            }
            double floorMedian = median(floor);
            double aheadMedian = median(read);
            System.out.printf("Median: one after another %.2f s (%,.0f segments/s), %d ahead %.2f s (%,.0f segments/s); "
                    + "time ratio %.2f%n", floorMedian, segments / floorMedian, readAhead, aheadMedian,
                    segments / aheadMedian, aheadMedian / floorMedian);
            one.close();
            several.close();
        } finally {
            Engines.deleteTree(dir);
        }
    }

    private static double time(ArchiveVerifier verifier, int segments, int events) {
        long start = System.nanoTime();
        ArchiveReport report = verifier.verify("benchmark");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report.intact() || report.segmentsChecked() != segments || report.eventsChecked() != (long) segments * events) {
            throw new IllegalStateException("the verification did not check the whole archive: " + report);
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
