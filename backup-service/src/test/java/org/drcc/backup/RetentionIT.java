package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.engines.Buckets;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Retention against the real store: of four backups of today, the newest is kept by the daily rule,
 * the newest verified one and the one held by an open incident stay whatever the calendar says, and
 * the remaining one is deleted from all three buckets and expires, with its event. A clock that went
 * back halts it: nothing is deleted anywhere, and the halt is an event on Kafka.
 */
@WithEngines(database = "backup")
// which backup is the newest verified is the test's to say: no verification runs on its own after a backup
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dr.backup.scheduling-enabled=false", "dr.backup.verify-after-backup=false"})
class RetentionIT {

    /** The service's clock, which a test may set back as a bad NTP step would. */
    static final class ShiftableClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }

    @Autowired
    ShiftableClock clock;

    private static final List<String> BUCKETS = List.of(Buckets.PRIMARY, Buckets.SECONDARY, Buckets.TERTIARY);

    @Autowired
    TestRestTemplate http;

    @Autowired
    S3Client s3;

    @Autowired
    JdbcClient sql;

    @Test
    void expiresByGfsInEveryTierButNeverTheNewestVerifiedNorAHeldBackup() throws Exception {
        BackupApi api = new BackupApi(http);
        Map<String, Object> held = api.backUp("foodtruck");
        String incident = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(incident, Severity.HIGH, false);
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            events.publish(Topics.INCIDENT_EVENTS, incident, declared);
            events.awaitConsumed("backup-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        Map<String, Object> verified = api.backUp("foodtruck");
        api.verify((String) verified.get("backupId"));
        Map<String, Object> unkept = api.backUp("foodtruck");
        Map<String, Object> newest = api.backUp("foodtruck");

        ResponseEntity<Map<String, Object>> run = api.post("/api/retention", "");
        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> plan = map(run.getBody().get("foodtruck"));
        assertThat(map(plan.get("kept")))
                .containsEntry(id(held), "held by an open incident")
                .containsEntry(id(verified), "newest verified")
                .containsEntry(id(newest), "daily");
        assertThat(strings(plan.get("expired"))).contains(id(unkept))
                .doesNotContain(id(held), id(verified), id(newest));

        for (Map<String, Object> kept : List.of(held, verified, newest)) {
            assertThat(bucketsHolding(kept)).as("kept %s", id(kept)).containsExactlyElementsOf(BUCKETS);
            assertThat(api.get(id(kept))).containsEntry("status", "COMPLETED");
        }
        assertThat(bucketsHolding(unkept)).as("deleted from every tier").isEmpty();
        for (Map<String, Object> kept : List.of(held, verified, newest)) {
            awaitCatalogueIn(kept, BUCKETS);
        }
        awaitCatalogueIn(unkept, List.of());
        Map<String, Object> expired = api.get(id(unkept));
        assertThat(expired).containsEntry("status", "EXPIRED");
        assertThat((String) expired.get("expiryReason")).contains("no retention rule keeps it");
        assertThat(expiredEvents(id(unkept))).contains(id(unkept)).doesNotContain(id(held), id(verified), id(newest));

        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            events.publish(Topics.INCIDENT_EVENTS, incident,
                    new IncidentClosedEvent(incident, declared.targets(), null, "dana", Instant.now()));
            events.awaitConsumed("backup-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
    }

    @Test
    void aClockThatWentBackHaltsRetentionWithAnEventAndDeletesNothingFromAnyBucket() throws Exception {
        BackupApi api = new BackupApi(http, "rita");
        Map<String, Object> older = api.backUp("foodtruck");
        Map<String, Object> newest = api.backUp("foodtruck");
        Map<String, Set<String>> before = objectsInEveryBucket();
        assertThat(before.get(Buckets.PRIMARY)).contains(key(older), key(newest));

        Instant setBack;
        Map<String, Object> plan;
        try {
            clock.offset.set(Duration.ofHours(-2));
            setBack = clock.instant();
            ResponseEntity<Map<String, Object>> run = api.post("/api/retention", "");
            assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
            plan = map(run.getBody().get("foodtruck"));
        } finally {
            clock.offset.set(Duration.ZERO);
        }

        assertThat((String) plan.get("halted")).startsWith("the clock went back");
        assertThat(strings(plan.get("expired"))).isEmpty();
        assertThat(map(plan.get("kept"))).containsEntry(id(older), "retention halted")
                .containsEntry(id(newest), "retention halted");
        assertThat(objectsInEveryBucket()).as("nothing deleted from any bucket").isEqualTo(before);
        assertThat(api.get(id(older))).containsEntry("status", "COMPLETED");
        assertThat(leftByLastRun()).as("a halted run records what it left: every completed backup")
                .isEqualTo(completedBackups());

        ConsumerRecord<String, String> halted = TestEvents.awaitRecord(
                System.getProperty("spring.kafka.bootstrap-servers"), Topics.BACKUP_EVENTS, "foodtruck",
                r -> "dr.backup.retention-halted.v1".equals(new String(r.headers().lastHeader("ce_type").value()))
                        && r.value().contains(id(newest)), Duration.ofSeconds(60));
        Map<String, Object> event = new ObjectMapper().readValue(halted.value(), new TypeReference<Map<String, Object>>() { });
        assertThat(event).containsEntry("database", "foodtruck").containsEntry("backupId", id(newest));
        assertThat((String) event.get("actor")).as("the caller, sealed as personal data").startsWith("pd:v1:")
                .doesNotContain("rita");
        assertThat(Instant.parse((String) event.get("referenceAt")))
                .isEqualTo(Instant.parse((String) api.get(id(newest)).get("completedAt")));
        assertThat(Instant.parse((String) event.get("clockAt"))).isBetween(setBack.minusSeconds(60), setBack.plusSeconds(60));
        assertThat((String) event.get("reason")).startsWith("the clock went back");

        // the same run on the right clock does delete: the halt, not the plan, kept the older backup
        Map<String, Object> rerun = map(api.post("/api/retention", "").getBody().get("foodtruck"));
        assertThat(rerun.get("halted")).isNull();
        List<String> goingOrGone = strings(rerun.get("expired"));
        goingOrGone.addAll(strings(rerun.get("deferred")));
        assertThat(goingOrGone).contains(id(older)).doesNotContain(id(newest));
        assertThat(leftByLastRun()).as("what the next run's guard counts from").isEqualTo(completedBackups());
    }

    /** What the last retention run of foodtruck left, as its guard reads it (RetentionSettings.deletesAllowed). */
    private long leftByLastRun() {
        return sql.sql("SELECT backups_left FROM retention_left WHERE database_name = 'foodtruck'")
                .query(Long.class).single();
    }

    private long completedBackups() {
        return sql.sql("SELECT count(*) FROM backup WHERE database_name = 'foodtruck' AND status = 'COMPLETED'")
                .query(Long.class).single();
    }

    private Map<String, Set<String>> objectsInEveryBucket() {
        Map<String, Set<String>> objects = new java.util.TreeMap<>();
        for (String bucket : BUCKETS) {
            Set<String> keys = new java.util.TreeSet<>();
            // the dumps; the catalogue objects beside them are rewritten by their own processor as events come
            s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(o -> o.key())
                    .filter(key -> !key.endsWith(".catalog.json")).forEach(keys::add);
            objects.put(bucket, keys);
        }
        return objects;
    }

    private static String key(Map<String, Object> backup) {
        return (String) backup.get("objectKey");
    }

    /** The buckets holding the backup's dump: the key itself, not its catalogue object beside it. */
    private List<String> bucketsHolding(Map<String, Object> backup) {
        return bucketsHolding((String) backup.get("objectKey"));
    }

    private List<String> bucketsHolding(String key) {
        return BUCKETS.stream().filter(bucket -> s3.listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents().stream()
                .anyMatch(o -> o.key().equals(key))).toList();
    }

    /**
     * The catalogue objects follow the dumps, written and deleted by the catalogue's own processor after the
     * backup's events: a kept backup's stays in every tier, an expired one's goes from every tier.
     */
    private void awaitCatalogueIn(Map<String, Object> backup, List<String> buckets) throws InterruptedException {
        String catalog = backup.get("objectKey") + ".catalog.json";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!bucketsHolding(catalog).equals(buckets)) {
            assertThat(System.nanoTime()).as("waiting for %s in %s, not %s", catalog, buckets, bucketsHolding(catalog))
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /**
     * The backup ids of every dr.backup.expired.v1 on Kafka, read until {@code awaited}'s has been relayed and the
     * topic is read to its end (a poll brings nothing more), or for 60 s.
     */
    private static Set<String> expiredEvents(String awaited) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"),
                "group.id", "it-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.BACKUP_EVENTS));
            Set<String> expired = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean drained = false;
            while (System.nanoTime() < deadline && !(drained && expired.contains(awaited))) {
                var records = consumer.poll(Duration.ofMillis(500));
                drained = records.isEmpty() && !consumer.assignment().isEmpty();
                for (ConsumerRecord<String, String> r : records) {
                    if ("dr.backup.expired.v1".equals(new String(r.headers().lastHeader("ce_type").value()))) {
                        expired.add(r.key());
                    }
                }
            }
            return expired;
        }
    }

    private static String id(Map<String, Object> backup) {
        return (String) backup.get("backupId");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return new ArrayList<>((List<String>) value);
    }
}
