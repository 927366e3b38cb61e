package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.KafkaEngine;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.s3.BucketStore;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaAdmin;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archive across a new Kafka cluster, on the real engines: the engines' broker is archived, then a second broker
 * (a new cluster, numbering from offset 0 again, as Kafka restored empty after a disaster) receives the same events
 * republished and new ones. Every record of both clusters is archived, the first cluster's objects are not touched,
 * verify checks every cluster's chains and names a segment missing from the new one.
 */
@WithEngines(database = "incident")
class ClusterSwitchIT {

    static final String BUCKET = "cluster-switch-it";
    static final String TOPIC = "dr.clusterswitch.events";
    /** Reads ahead of the walks, as the service does (daemon threads: the test JVM ends them). */
    static final ArchiveReads READS = new ArchiveReads(4);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ArchiveProperties settings = new ArchiveProperties(true, BUCKET, "dr\\.clusterswitch\\.events",
            "cluster-switch-it", 3, Duration.ofSeconds(1), 1, 4, new ArchiveProperties.Offsite(null, null, null, null, null, "cluster-switch-it-offsite"));

    @Test
    void aNewKafkaClusterStartsChainsOfItsOwnBesideTheOldOnesAndVerifyCoversThemAll(Engines engines) throws Exception {
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(engines.s3Endpoint().toString()))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dr-local", "dr-local-secret")))
                .build()) {
            BucketStore store = new BucketStore(s3, BUCKET);
            store.createIfMissing();
            ChainSigner signer = ChainSigner.fromFile(dir.resolve("archive-audit.key"));

            Archive old = new Archive(store, signer, engines.bootstrapServers());
            publish(engines.bootstrapServers(), TOPIC, "stored", 5);
            old.copy.archiver().start();
            await().atMost(Duration.ofSeconds(60)).until(() -> old.currentEvents() == 5);
            old.copy.archiver().stop();
            Map<String, byte[]> oldObjects = objects(store);
            String oldCluster = old.cluster;

            try (KafkaEngine fresh = KafkaEngine.launch(EngineSettings.forTests(dir.resolve("new-kafka")))) {
                fresh.awaitReady();
                // the relays republish each restored store to the new cluster, then new events follow
                publish(fresh.bootstrapServers(), TOPIC, "stored", 5);
                publish(fresh.bootstrapServers(), TOPIC, "new", 2);
                Archive renewed = new Archive(store, signer, fresh.bootstrapServers());
                String newCluster = renewed.cluster;
                assertThat(newCluster).isNotEqualTo(oldCluster);
                renewed.copy.archiver().start();
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> renewed.currentEvents() == 7);
                } finally {
                    renewed.copy.archiver().stop();
                }

                ArchiveReport report = renewed.copy.verify();
                assertThat(report.intact()).as(report.toString()).isTrue();
                assertThat(report.eventsChecked()).isEqualTo(12);
                assertThat(report.clusters()).extracting(ClusterReport::cluster, ClusterReport::current,
                        ClusterReport::eventsChecked, ClusterReport::intact)
                        .as("oldest first").containsExactly(
                                org.assertj.core.groups.Tuple.tuple(oldCluster, false, 5L, true),
                                org.assertj.core.groups.Tuple.tuple(newCluster, true, 7L, true));
                Map<String, byte[]> after = objects(store);
                oldObjects.forEach((key, bytes) -> assertThat(after.get(key)).as("untouched: " + key).isEqualTo(bytes));

                List<JsonNode> replayed = new ArrayList<>();
                renewed.copy.reader().replay(new ArchiveQuery(TOPIC, null, null, null, null, null, null), replayed::add);
                assertThat(replayed).extracting(l -> l.get("cluster").asText() + ":" + l.get("headers").get("ce_id").asText())
                        .containsExactlyInAnyOrder(oldCluster + ":stored-0", oldCluster + ":stored-1", oldCluster + ":stored-2",
                                oldCluster + ":stored-3", oldCluster + ":stored-4", newCluster + ":stored-0",
                                newCluster + ":stored-1", newCluster + ":stored-2", newCluster + ":stored-3",
                                newCluster + ":stored-4", newCluster + ":new-0", newCluster + ":new-1");

                // a segment of the new cluster's chain deleted: named, the old cluster's chains still intact
                String newSegment = after.keySet().stream().filter(k -> k.startsWith("clusters/" + newCluster + "/")
                        && k.endsWith("00000000000000000000-00000000000000000002.jsonl.gz")).findFirst().orElseThrow();
                s3.deleteObject(r -> r.bucket(BUCKET).key(newSegment));
                ArchiveReport broken = renewed.copy.verify();
                assertThat(broken.intact()).isFalse();
                assertThat(broken.firstBreak().kind()).isEqualTo("MISSING_SEGMENT");
                assertThat(broken.firstBreak().object()).isEqualTo(newSegment);
                assertThat(broken.clusters()).extracting(ClusterReport::intact).containsExactly(true, false);
            }
        }
    }

    /** The archive's parts wired as its auto-configuration wires them, on the broker at {@code bootstrap}. */
    private final class Archive {
        final ArchiveCopy copy;
        /** The id of the cluster at {@code bootstrap}, under which the archiver keeps its chains. */
        final String cluster;

        Archive(BucketStore store, ChainSigner signer, String bootstrap) {
            KafkaAdmin kafka = new KafkaAdmin(Map.of("bootstrap.servers", bootstrap));
            copy = ArchiveAutoConfiguration.copy(ArchiveCopy.PRIMARY, store, settings.groupId(), settings,
                    Map.of("bootstrap.servers", bootstrap), kafka, (key, id, event) -> { }, json, signer, Clock.systemUTC(),
                    READS);
            cluster = ArchiveAutoConfiguration.clusterId(kafka);
        }

        /** Events in the chains of the cluster read now, as verify counts them. */
        long currentEvents() {
            return copy.verify().clusters().stream().filter(ClusterReport::current)
                    .mapToLong(ClusterReport::eventsChecked).sum();
        }
    }

    private static Map<String, byte[]> objects(BucketStore store) {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        for (String key : store.list("")) {
            objects.put(key, store.get(key));
        }
        return objects;
    }

    /** {@code count} records on partition 0 of {@code topic} (made if missing), CloudEvent ids {@code tag-0}, {@code tag-1}, ... */
    static void publish(String bootstrap, String topic, String tag, int count) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, "k" + i, "{\"n\":" + i + "}");
                record.headers().add("ce_type", (topic.replace(".events", "") + ".happened.v1").getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", (tag + "-" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }
}
