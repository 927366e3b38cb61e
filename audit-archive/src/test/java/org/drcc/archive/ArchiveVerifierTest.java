package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.web.EngineDown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The verification's walk with reads ahead of it, on an archive kept in memory: what it finds is what a walk one GET
 * after another finds. ArchiveIT and ClusterSwitchIT show the same on S3Mock; these are the cases they cannot stage
 * (a store that fails for one object only).
 */
class ArchiveVerifierTest {

    private static final String TOPIC = "dr.verifiertest.events";
    private static final int SEGMENTS = 12;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ArchiveReads reads = new ArchiveReads(4);
    private MemoryStore store;
    private ArchiveVerifier verifier;
    private List<String> segments;

    @BeforeEach
    void archive() {
        store = new MemoryStore();
        ChainSigner signer = ChainSigner.fromFile(dir.resolve("audit.key"));
        Clock clock = Clock.systemUTC();
        SegmentWriter writer = new SegmentWriter(store, 1, json, signer, new RetentionStatus(),
                new RetentionAlerts((key, id, event) -> { }, "memory"), clock);
        PartitionState state = writer.resume("cluster-a", new TopicPartition(TOPIC, 0));
        for (long offset = 0; offset < SEGMENTS * 2; offset++) {
            state.add(new ConsumerRecord<>(TOPIC, 0, offset, "k", "{\"n\":" + offset + "}"), clock.millis(), 2);
            SegmentEncoder.Encoded due = state.due(Long.MAX_VALUE, clock.millis(), false);
            if (due != null) {
                writer.write(state, due);
            }
        }
        ArchiveClusters clusters = new ArchiveClusters(store, () -> "cluster-a", 1, clock);
        verifier = new ArchiveVerifier(store, json, signer, clusters, clock, group -> Map.of(), reads);
        segments = store.objects.keySet().stream().filter(k -> k.endsWith(".jsonl.gz")).sorted().toList();
        assertThat(segments).hasSize(SEGMENTS);
    }

    @AfterEach
    void close() {
        reads.close();
    }

    @Test
    void anIntactArchiveIsIntactWithEverySegmentCounted() {
        ArchiveReport report = verifier.verify("group");
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.segmentsChecked()).isEqualTo(SEGMENTS);
        assertThat(report.eventsChecked()).isEqualTo(SEGMENTS * 2L);
    }

    @Test
    void aChangedSegmentIsNamedThoughALaterReadAheadOfItFailsForAnOutage() {
        String changed = segments.get(3);
        byte[] bytes = store.objects.get(changed).clone();
        bytes[bytes.length / 2] ^= 0x01;
        store.objects.put(changed, bytes);
        store.unreachable.add(segments.get(6).replace(".jsonl.gz", ".checkpoint.json"));

        ArchiveReport report = verifier.verify("group");

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().kind()).isEqualTo("CHANGED_SEGMENT");
        assertThat(report.firstBreak().object()).isEqualTo(changed);
    }

    @Test
    void aStoreThatCannotBeReachedForACheckpointIsAnOutageNotAForgery() {
        store.unreachable.add(segments.get(5).replace(".jsonl.gz", ".checkpoint.json"));

        assertThatThrownBy(() -> verifier.verify("group"))
                .satisfies(e -> assertThat(EngineDown.of(e)).as("an outage").contains(EngineDown.S3));
    }

    @Test
    void aCheckpointThatCannotBeParsedIsAForgedCheckpoint() {
        String checkpoint = segments.get(7).replace(".jsonl.gz", ".checkpoint.json");
        store.objects.put(checkpoint, "not json".getBytes(StandardCharsets.UTF_8));

        ArchiveReport report = verifier.verify("group");

        assertThat(report.firstBreak().kind()).isEqualTo("FORGED_CHECKPOINT");
        assertThat(report.firstBreak().object()).isEqualTo(checkpoint);
    }

    /** A bucket in memory; the keys in {@link #unreachable} fail as a store that does not answer does. */
    private static final class MemoryStore extends BucketStore {

        final Map<String, byte[]> objects = new ConcurrentHashMap<>();
        final Set<String> unreachable = ConcurrentHashMap.newKeySet();

        MemoryStore() {
            super(null, "memory");
        }

        @Override
        public Lock putLocked(String key, byte[] bytes, String contentType, Instant until) {
            objects.put(key, bytes);
            return new Lock(true, "in memory");
        }

        @Override
        public byte[] get(String key) {
            if (unreachable.contains(key)) {
                throw SdkClientException.create("Unable to execute HTTP request: Connect timed out");
            }
            byte[] bytes = objects.get(key);
            if (bytes == null) {
                throw new IllegalStateException("no object " + key);
            }
            return bytes;
        }

        @Override
        public Optional<byte[]> find(String key) {
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        public List<String> list(String prefix) {
            return new TreeMap<>(objects).keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }
    }
}
