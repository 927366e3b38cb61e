package org.drcc.incident.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.drcc.archive.IndependentEvidenceCheck;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.Ports;
import org.drcc.engines.S3Engine;
import org.drcc.testsupport.WithEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.MethodOrderer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archiver on the real engines: a topic created after start-up and matching dr.*.events is archived,
 * every segment is signed and chained, and each kind of tampering with the bucket is named by verify.
 */
@WithEngines(database = "incident")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dr.archive.segment-events=3", "dr.archive.segment-age=PT1S",
                // its own bucket and consumer group: the other ITs' contexts, cached in this JVM, run archivers too
                "dr.archive.bucket=" + ArchiveIT.BUCKET, "dr.archive.group-id=archive-it",
                // the off-site copy, on an S3 server of its own (offSiteStore, its endpoint set below)
                "dr.archive.offsite.bucket=" + ArchiveIT.OFFSITE, "dr.archive.offsite.group-id=archive-it-offsite",
                // the daily verification every 20 s (one a minute: the lock outlives a run by a minute)
                "dr.archive.verify-schedule=*/20 * * * * *"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// First of the module's ITs (the failsafe plugin orders classes by @Order): its archiver cuts segments of 3 events,
// and every dr.*.events topic is archived from its beginning, so after the other classes it first wrote ~250 segments
// of their events (~25 s) before it saw its own topic, and each verify read them all again (4-8 s a test). In another
// order it checks the same, only slower. Its context is closed after the class, so that this archiver does not go on
// cutting the other classes' events into 3-event segments while they run.
@Order(1)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ArchiveIT {

    static final String TOPIC = "dr.archivetest.events";
    static final String BUCKET = "archive-it";
    static final String OFFSITE = "archive-it-offsite";

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.drcc.testsupport.TestTokens.signIn(http, org.drcc.kit.security.Roles.DR_LEAD, "alice");
    }

    @Autowired
    Environment environment;

    @Autowired
    S3Client s3;

    /** The embedded archive's consumer: stopped and started as a crash and a restart would. */
    @Autowired
    @Qualifier("archiver")
    SmartLifecycle archiver;

    @Autowired
    ObjectMapper json;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    static boolean created;

    /** The off-site copy's store: a second S3 server, on a loopback port and a folder of its own. */
    static S3Engine offSiteStore;

    /**
     * Launched before the context (which reads its endpoint below) and closed after it: a resource of the class's
     * extension store is closed after every after-class step, Spring's closing of the context among them, so the
     * off-site archiver cuts its last segment to a server still there. Its folder is under target/, its log kept.
     */
    @RegisterExtension
    static final BeforeAllCallback OFF_SITE_STORE = context -> {
        List<Integer> ports = Ports.free(2);
        Path folder = Path.of("target", "archive-it-offsite").toAbsolutePath();
        // the server reloads what a folder holds: an earlier run's segments, signed with that run's key, would break
        // this run's off-site chains
        if (Files.exists(folder)) {
            Engines.deleteTree(folder);
        }
        S3Engine started = S3Engine.launch(new EngineSettings(folder, true, 0, 0, 0, ports.get(0), 0), List.of(OFFSITE),
                ports.get(1));
        // a test JVM ended early (failsafe's timeout) closes no extension store: the server goes with it all the same
        Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        context.getStore(ExtensionContext.Namespace.create(ArchiveIT.class))
                .put("off-site store", (ExtensionContext.Store.CloseableResource) started::close);
        started.awaitReady();
        offSiteStore = started;
    };

    @BeforeAll
    static void ownBucket() {
        try (S3Client client = S3Client.builder().endpointOverride(URI.create(System.getProperty("dr.s3.endpoint")))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dr-local", "dr-local-secret")))
                .build()) {
            if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
                client.createBucket(r -> r.bucket(BUCKET));
            }
        }
    }

    @DynamicPropertySource
    static void offSiteEndpoint(DynamicPropertyRegistry properties) {
        properties.add("dr.archive.offsite.endpoint", () -> offSiteStore.endpoint().toString());
    }

    @Test
    @Order(1)
    void aNewDrTopicIsArchivedInSignedChainedSegmentsAndVerifies() throws Exception {
        publish(7, "first");
        List<String> segments = awaitArchived(7);
        assertThat(segments).hasSize(3).first().asString()
                .isEqualTo(clusterPrefix() + "segments/" + TOPIC + "/00000/00000000000000000000-00000000000000000002.jsonl.gz");
        List<JsonNode> lines = lines(segments.get(0));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("headers").get("ce_type").asText()).isEqualTo("dr.archivetest.happened.v1");
        assertThat(lines.get(0).get("payload").get("n").asInt()).isEqualTo(0);
        assertThat(lines.get(2).get("offset").asLong()).isEqualTo(2);

        assertIntact();
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        JsonNode archive = health.get("components").get("auditArchive");
        // S3Mock takes the lock headers but keeps no lock (GetObjectRetention: bucket without Object Lock):
        // that is said on the health endpoint, which does not pretend
        assertThat(archive.get("status").asText()).as(archive.toString()).isEqualTo("RETENTION_NOT_HONOURED");
        assertThat(archive.get("details").get("retentionNotHonoured").asText()).contains("Object Lock");
        assertThat(health.get("status").asText()).isEqualTo("RETENTION_NOT_HONOURED");

        // ... and said as an event on dr.audit.events, keyed by the bucket
        ConsumerRecord<String, String> alert = await().atMost(Duration.ofSeconds(30))
                .until(() -> auditEvents().stream().findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(header(alert, "ce_type")).isEqualTo("dr.audit.archive-retention-not-honoured.v1");
        assertThat(header(alert, "ce_subject")).isEqualTo(BUCKET);
        JsonNode event = json.readTree(alert.value());
        assertThat(event.get("bucket").asText()).isEqualTo(BUCKET);
        assertThat(event.get("objectKey").asText()).startsWith(clusterPrefix() + "segments/");
        assertThat(event.get("retentionMode").asText()).isEqualTo("COMPLIANCE");
        Instant until = Instant.parse(event.get("retainUntil").asText());
        assertThat(until).isBetween(Instant.now().plus(Duration.ofDays(2556)), Instant.now().plus(Duration.ofDays(2558)));
        assertThat(event.get("readBack").asText()).isEqualTo(archive.get("details").get("retentionNotHonoured").asText());
        assertThat(event.get("actor").asText()).isEqualTo("archiver");
        assertThat(Instant.parse(event.get("occurredAt").asText())).isBefore(Instant.now());
    }

    @Test
    @Order(2)
    void theArchiverDownForAWhileCatchesUpWithoutGapOrDuplicate() throws Exception {
        awaitArchived(7);
        archiver.stop();
        publish(5, "while-down");
        archiver.start();
        awaitArchived(12);
        List<Long> offsets = segmentKeys().stream().flatMap(k -> lines(k).stream()).map(l -> l.get("offset").asLong()).toList();
        assertThat(offsets).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertIntact();
    }

    @Test
    @Order(3)
    void aCrashBetweenASegmentAndItsCheckpointRewritesTheSameSegment() {
        List<String> segments = awaitArchived(12);
        String last = segments.get(segments.size() - 1);
        String checkpoint = last.replace(".jsonl.gz", ".checkpoint.json");
        byte[] before = get(last);
        archiver.stop();
        s3.deleteObject(r -> r.bucket(BUCKET).key(checkpoint)); // as if the process died before writing it
        archiver.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> exists(checkpoint));
        assertThat(get(last)).as("the rewritten segment").isEqualTo(before);
        assertThat(segmentKeys()).isEqualTo(segments);
        assertIntact();
    }

    @Test
    @Order(4)
    void aChangedByteInASegmentIsNamed() {
        String segment = awaitArchived(12).get(1);
        byte[] original = get(segment);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 0x01;
        tampered(() -> put(segment, changed), () -> put(segment, original),
                "CHANGED_SEGMENT", segment);
    }

    @Test
    @Order(5)
    void aDeletedSegmentIsNamed() {
        String segment = awaitArchived(12).get(1);
        byte[] original = get(segment);
        tampered(() -> delete(segment), () -> put(segment, original), "MISSING_SEGMENT", segment);
    }

    @Test
    @Order(6)
    void aDeletedSegmentWithItsCheckpointIsNamed() {
        String segment = awaitArchived(12).get(1);
        String checkpoint = segment.replace(".jsonl.gz", ".checkpoint.json");
        byte[] original = get(segment);
        byte[] signed = get(checkpoint);
        String next = segmentKeys().get(2);
        tampered(() -> { delete(segment); delete(checkpoint); },
                () -> { put(segment, original); put(checkpoint, signed); }, "MISSING_SEGMENT", next);
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void theLastSegmentDeletedIsNamedAgainstTheArchiversOffsets() {
        List<String> segments = awaitArchived(12);
        String segment = segments.get(segments.size() - 1);
        String checkpoint = segment.replace(".jsonl.gz", ".checkpoint.json");
        byte[] original = get(segment);
        byte[] signed = get(checkpoint);
        tampered(() -> { delete(segment); delete(checkpoint); },
                () -> { put(segment, original); put(checkpoint, signed); }, "MISSING_SEGMENT",
                clusterPrefix() + "segments/" + TOPIC + "/00000/");
    }

    @Test
    @Order(8)
    void aForgedCheckpointIsNamed() throws Exception {
        String segment = awaitArchived(12).get(1);
        String checkpoint = segment.replace(".jsonl.gz", ".checkpoint.json");
        byte[] original = get(segment);
        byte[] signed = get(checkpoint);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 0x01;
        // the forger rewrites the segment and puts its new hash in the checkpoint, but has no audit key
        var forged = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(signed);
        forged.put("sha256", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(changed)));
        tampered(() -> { put(segment, changed); put(checkpoint, forged.toString().getBytes(StandardCharsets.UTF_8)); },
                () -> { put(segment, original); put(checkpoint, signed); }, "FORGED_CHECKPOINT", checkpoint);
    }

    @Test
    @Order(9)
    void olderEventsAreReplayedFromTheArchiveByIncidentActorTypeAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        String id = declare("Archived for the auditors");
        String query = "/api/audit/archive/events?incidentId=" + id;
        // the relay is at least once: the archive keeps a redelivered CloudEvent too, so count distinct ids
        await().atMost(Duration.ofSeconds(120)).until(() -> ndjson(query).stream()
                .map(l -> l.get("headers").get("ce_id").asText()).distinct().count() == 3);
        List<String> declaration = List.of("dr.incident.declared.v1", "dr.incident.checklist-assigned.v1",
                "dr.incident.phase-windows-assigned.v1");
        assertThat(ndjson(query)).extracting(l -> l.get("headers").get("ce_type").asText())
                .containsAll(declaration).allMatch(declaration::contains);
        assertThat(ndjson("/api/audit/archive/events?actor=alice&type=dr.incident.declared.v1&from=" + before))
                .extracting(l -> l.get("payload").get("incidentId").asText()).contains(id);
        assertThat(ndjson("/api/audit/archive/events?actor=nobody-did-this")).isEmpty();
        assertThat(ndjson("/api/audit/archive/events?topic=" + TOPIC + "&to=" + before)).hasSize(12);
        assertThat(ndjson("/api/audit/archive/events?topic=" + TOPIC + "&limit=5")).hasSize(5);
        ResponseEntity<String> reversed = http.getForEntity("/api/audit/archive/events?from=" + Instant.now() + "&to=" + before,
                String.class);
        assertThat(reversed.getStatusCode().value()).isEqualTo(400);
        assertThat(reversed.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(reversed.getBody()).contains("must be before");
    }

    @Test
    @Order(10)
    void theEvidencePackVerifiesOnItsOwnAndNotOnceAByteIsChanged(@TempDir Path dir) throws Exception {
        Instant from = Instant.now().minus(Duration.ofHours(1));
        ResponseEntity<byte[]> response = http.getForEntity("/api/audit/evidence?from=" + from + "&to=" + Instant.now().plusSeconds(60),
                byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, byte[]> files = IndependentEvidenceCheck.unzip(response.getBody());
        assertThat(files).containsKeys("events.ndjson", "backup-verifications.ndjson", "drills.ndjson",
                "chain-verification.json", "controls.md", "README.txt", "public-key.pem", "manifest.json",
                "manifest.json.sig", "SHA256SUMS");
        assertThat(new String(files.get("events.ndjson"), StandardCharsets.UTF_8)).contains("dr.archivetest.happened.v1")
                .contains("Archived for the auditors");
        JsonNode verification = json.readTree(files.get("chain-verification.json"));
        assertThat(verification.get("incidentEventStore").get("intact").asBoolean()).isTrue();
        assertThat(verification.get("archive").get("intact").asBoolean()).isTrue();
        assertThat(new String(files.get("controls.md"), StandardCharsets.UTF_8)).contains("A1.2", "A1.3", "CC7.4", "CC7.5",
                "A.5.29", "A.5.30", "A.8.13");
        assertThat(IndependentEvidenceCheck.problems(files)).isEmpty();
        assertThat(openssl(dir, files)).as("openssl, as the pack's README says").contains("Signature Verified Successfully");

        Map<String, byte[]> changedEvent = new java.util.LinkedHashMap<>(files);
        byte[] events = files.get("events.ndjson").clone();
        events[events.length / 2] ^= 0x01;
        changedEvent.put("events.ndjson", events);
        assertThat(IndependentEvidenceCheck.problems(changedEvent)).containsExactly("events.ndjson: SHA-256 differs from the manifest");

        Map<String, byte[]> changedManifest = new java.util.LinkedHashMap<>(files);
        byte[] manifest = files.get("manifest.json").clone();
        manifest[manifest.length / 2] ^= 0x01;
        changedManifest.put("manifest.json", manifest);
        assertThat(IndependentEvidenceCheck.problems(changedManifest)).contains("manifest.json: signature not valid");
        assertThat(openssl(dir, changedManifest)).doesNotContain("Signature Verified Successfully");
    }

    @Test
    @Order(11)
    void anEvidencePackWithoutARangeIsA400ThatSaysWhy() {
        ResponseEntity<String> response = http.getForEntity("/api/audit/evidence?from=" + Instant.now(), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("to");
        ResponseEntity<String> reversed = http.getForEntity("/api/audit/evidence?from=" + Instant.now() + "&to="
                + Instant.now().minusSeconds(60), String.class);
        assertThat(reversed.getStatusCode().value()).isEqualTo(400);
        assertThat(reversed.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(reversed.getBody()).contains("must be before");
    }

    @Test
    @Order(12)
    void theRefusalIsPublishedOncePerArchiverAndArchivedLikeEveryDrTopic() throws Exception {
        // segments written before and after two restarts of the archiver: still one event, the store never honoured it
        assertThat(auditEvents()).hasSize(1);
        // the scheduled verification, on its cron through the lock, said what it found of each copy (while the tests
        // above tampered with the primary, it may have found it broken: ArchiveVerificationsIT checks the verdicts)
        for (String bucket : List.of(BUCKET, OFFSITE)) {
            ConsumerRecord<String, String> verification = await().atMost(Duration.ofSeconds(90))
                    .until(() -> auditEvents(bucket, "dr.audit.archive-verif").stream().findFirst().orElse(null),
                            java.util.Objects::nonNull);
            assertThat(header(verification, "ce_type")).isIn("dr.audit.archive-verified.v1",
                    "dr.audit.archive-verification-failed.v1");
            assertThat(json.readTree(verification.value()).get("copy").asText())
                    .isEqualTo(bucket.equals(BUCKET) ? "primary" : "offsite");
        }
        for (String copy : List.of("primary", "offsite")) {
            assertThat(meters.get("dr.audit.archive.intact").tag("copy", copy).gauge().value()).as(copy).isIn(0.0, 1.0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> s3.listObjectsV2(r -> r.bucket(BUCKET)
                .prefix(clusterPrefix() + "segments/" + org.drcc.contract.Topics.AUDIT_EVENTS + "/")).keyCount() > 0);
    }

    /**
     * The day the primary site's store is gone: the off-site copy, written by an archiver of its own to an S3 server
     * of its own, holds every event the primary holds; the primary, emptied, is named broken; and with the primary's
     * S3 server stopped, the off-site copy verifies on its own, replays, and makes the evidence pack. Last: it
     * deletes the primary bucket's objects, and starts the S3 server again for the module's other ITs.
     */
    @Test
    @Order(13)
    void theOffSiteCopyHoldsEveryEventAndProvesTheTrailOnceThePrimaryStoreIsGone(Engines engines) throws Exception {
        awaitArchived(12);
        String topicEvents = "/api/audit/archive/events?topic=" + TOPIC;
        List<String> primary = ceIds(ndjson(topicEvents));
        assertThat(primary).hasSizeGreaterThanOrEqualTo(12);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ceIds(ndjson(topicEvents + "&copy=offsite")).containsAll(primary));
        JsonNode copies = http.exchange("/api/audit/archive/copies", HttpMethod.GET, asAReader(), JsonNode.class).getBody();
        assertThat(copies).extracting(c -> c.get("name").asText() + " " + c.get("bucket").asText() + " " + c.get("store").asText())
                .containsExactly("primary " + BUCKET + " main", "offsite " + OFFSITE + " offsite");
        // the off-site store is not one of the service's own: its S3 health is the main store's
        assertThat(http.getForObject("/actuator/health", JsonNode.class).get("components").get("s3").get("details")
                .get("stores").fieldNames()).toIterable().containsExactly("main");
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class).get("components").get("auditArchive");
        assertThat(health.get("details").get("offsite").get("bucket").asText()).as(health.toString()).isEqualTo(OFFSITE);
        assertThat(health.get("details").get("bucket").asText()).isEqualTo(BUCKET);

        // the primary site's store is gone: its archiver stopped, every object of its bucket deleted
        archiver.stop();
        s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents()
                .forEach(o -> s3.deleteObject(r -> r.bucket(BUCKET).key(o.key())));
        JsonNode lost = verify();
        assertThat(lost.get("intact").asBoolean()).as(lost.toString()).isFalse();
        assertThat(ndjson(topicEvents)).as("nothing left in the primary").isEmpty();

        // and then the primary's S3 server itself: whatever is read now comes from the off-site server alone
        engines.stopS3();
        try {
            theOffSiteCopyAloneProvesTheTrail(topicEvents, primary);
        } finally {
            engines.startS3(); // for the module's other ITs
        }
    }

    private void theOffSiteCopyAloneProvesTheTrail(String topicEvents, List<String> primary) throws Exception {
        ResponseEntity<String> unreachable = http.exchange("/api/audit/archive/verify", HttpMethod.GET, asAReader(),
                String.class);
        assertThat(unreachable.getStatusCode().value()).as(unreachable.getBody()).isEqualTo(503);
        assertThat(json.readTree(unreachable.getBody()).get("engine").asText()).isEqualTo("S3");

        JsonNode offsite = verify("offsite");
        assertThat(offsite.get("intact").asBoolean()).as(offsite.toString()).isTrue();
        assertThat(offsite.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(ceIds(ndjson(topicEvents + "&copy=offsite"))).containsAll(primary);

        ResponseEntity<byte[]> response = http.getForEntity("/api/audit/evidence?copy=offsite&from="
                + Instant.now().minus(Duration.ofHours(1)) + "&to=" + Instant.now().plusSeconds(60), byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, byte[]> files = IndependentEvidenceCheck.unzip(response.getBody());
        assertThat(IndependentEvidenceCheck.problems(files)).isEmpty();
        assertThat(new String(files.get("events.ndjson"), StandardCharsets.UTF_8)).contains("dr.archivetest.happened.v1");
        JsonNode verification = json.readTree(files.get("chain-verification.json"));
        assertThat(verification.get("archive").get("intact").asBoolean()).isTrue();
        assertThat(verification.get("archiveCopy").get("name").asText()).isEqualTo("offsite");
        assertThat(verification.get("archiveCopy").get("bucket").asText()).isEqualTo(OFFSITE);

        ResponseEntity<String> unknown = http.exchange("/api/audit/archive/verify?copy=elsewhere", HttpMethod.GET,
                asAReader(), String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(unknown.getBody()).contains("no archive copy 'elsewhere'").contains("primary and offsite");
    }

    private static List<String> ceIds(List<JsonNode> lines) {
        return lines.stream().map(l -> l.get("headers").get("ce_id").asText()).distinct().toList();
    }

    /** This test's bucket's retention events on dr.audit.events: the other ITs' archivers write to other buckets. */
    private List<ConsumerRecord<String, String>> auditEvents() {
        return auditEvents(BUCKET, "dr.audit.archive-retention");
    }

    /** The events of {@code bucket} on dr.audit.events whose type starts with {@code type}. */
    private List<ConsumerRecord<String, String>> auditEvents(String bucket, String type) {
        Properties p = new Properties();
        p.put("bootstrap.servers", environment.getProperty("spring.kafka.bootstrap-servers"));
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(org.drcc.contract.Topics.AUDIT_EVENTS).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // read to the end offsets taken above (it stops there); the deadline only bounds a broker that stalls
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (bucket.equals(r.key()) && header(r, "ce_type").startsWith(type)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String openssl(Path dir, Map<String, byte[]> files) throws Exception {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        Process p = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public-key.pem", "-rawin",
                "-in", "manifest.json", "-sigfile", "manifest.json.sig").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private String declare(String title) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"scenario\":\"database-corruption\",\"title\":\"" + title + "\"}";
        return http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class)
                .getBody().get("id").asText();
    }

    private List<JsonNode> ndjson(String path) {
        String body = http.exchange(path, HttpMethod.GET, asAReader(), String.class).getBody();
        List<JsonNode> lines = new ArrayList<>();
        if (body != null) {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        lines.add(json.readTree(line));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return lines;
    }

    private void tampered(Runnable tamper, Runnable restore, String kind, String object) {
        assertThat(verify().get("intact").asBoolean()).as("intact before").isTrue();
        tamper.run();
        try {
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("firstBreak").get("kind").asText()).as(report.toString()).isEqualTo(kind);
            assertThat(report.get("firstBreak").get("object").asText()).as(report.toString()).isEqualTo(object);
        } finally {
            restore.run();
        }
        assertThat(verify().get("intact").asBoolean()).as("intact once restored").isTrue();
    }

    private boolean exists(String key) {
        return s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(key)).keyCount() > 0;
    }

    private void delete(String key) {
        s3.deleteObject(r -> r.bucket(BUCKET).key(key));
    }

    private void publish(int count, String tag) throws Exception {
        ensureTopic();
        Properties p = new Properties();
        p.put("bootstrap.servers", environment.getProperty("spring.kafka.bootstrap-servers"));
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, 0, "k" + i,
                        "{\"n\":" + i + ",\"tag\":\"" + tag + "\"}");
                record.headers().add("ce_type", "dr.archivetest.happened.v1".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", (tag + "-" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }

    static String clusterPrefix;

    /** Segments are kept per Kafka cluster: this broker's. */
    private String clusterPrefix() {
        if (clusterPrefix != null) {
            return clusterPrefix;
        }
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers",
                environment.getProperty("spring.kafka.bootstrap-servers")))) {
            clusterPrefix = "clusters/" + admin.describeCluster().clusterId().get() + "/";
            return clusterPrefix;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureTopic() throws Exception {
        if (created) {
            return;
        }
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers",
                environment.getProperty("spring.kafka.bootstrap-servers")))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        created = true;
    }

    List<String> awaitArchived(long events) {
        if (!created) {
            try {
                publish(7, "first");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> archivedEvents() >= events);
        return segmentKeys();
    }

    long archivedEvents() {
        return segmentKeys().stream().mapToLong(k -> lines(k).size()).sum();
    }

    List<String> segmentKeys() {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(clusterPrefix() + "segments/" + TOPIC + "/")).contents()
                .forEach(o -> {
                    if (o.key().endsWith(".jsonl.gz")) {
                        keys.add(o.key());
                    }
                });
        return keys;
    }

    List<JsonNode> lines(String key) {
        byte[] gz = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(json.readTree(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode verify() {
        return verify("primary");
    }

    JsonNode verify(String copy) {
        return http.exchange("/api/audit/archive/verify?copy=" + copy, HttpMethod.GET, asAReader(), JsonNode.class).getBody();
    }

    /** One verification, asserted intact, with its own report as the message. */
    void assertIntact() {
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
    }

    /**
     * The archive's reads are rate-limited per caller (5 a minute): a test that polls them reads as a new auditor each
     * time, so that it waits for the archive, not for the limit.
     */
    private static HttpEntity<Void> asAReader() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, org.drcc.testsupport.TestTokens.bearer(org.drcc.kit.security.Roles.AUDITOR,
                "archive-reader-" + java.util.UUID.randomUUID()));
        return new HttpEntity<>(headers);
    }

    byte[] get(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
    }

    void put(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }
}
