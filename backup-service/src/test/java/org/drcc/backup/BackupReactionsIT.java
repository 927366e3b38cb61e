package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.job.RpoWatch;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentContainedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/** What the backup service does on its own: RPO alerts, verification on containment, holds released. */
@WithEngines(database = "backup")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dr.backup.scheduling-enabled=false")
class BackupReactionsIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        TestTokens.signIn(http, Roles.DR_LEAD, "dana");
    }

    @Autowired
    RpoWatch rpoWatch;

    private final String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");

    @Test
    void crossingTheRpoIsAlertedOnceAndComingBackIsToo() throws Exception {
        String url = System.getProperty("dr.backup.databases.foodtruck.url");
        DatabasePolicy strict = new DatabasePolicy(url, "postgres", "", true, null, Duration.ofMillis(1), null);
        DatabasePolicy lenient = new DatabasePolicy(url, "postgres", "", true, null, Duration.ofDays(1000), null);
        // only a backup verified by restore counts, and every backup is verified on its own after its copies
        String backupId = completedBackup();
        assertThat(await(backupId, b -> b.get("verifiedAt") != null)).containsEntry("verification", "VERIFIED");

        rpoWatch.check("foodtruck", strict);
        rpoWatch.check("foodtruck", strict);
        rpoWatch.check("foodtruck", lenient);
        rpoWatch.check("foodtruck", lenient);

        // the second check of each pair must not alert again: at-risk, then recovered, never at-risk twice in a row
        assertThat(typesFor("foodtruck", 2)).startsWith("dr.backup.rpo-at-risk.v1", "dr.backup.rpo-recovered.v1");
    }

    @Test
    void containmentVerifiesTheNewestBackupAndClosureReleasesTheHold() throws Exception {
        String backupId = completedBackup();
        String incident = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(incident, Severity.HIGH, false);
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, incident, declared);
            events.publish(Topics.INCIDENT_EVENTS, incident,
                    new IncidentContainedEvent(incident, declared.targets(), null, "dana", Instant.now()));
            events.publish(Topics.INCIDENT_EVENTS, incident,
                    new IncidentClosedEvent(incident, declared.targets(), null, "dana", Instant.now()));
            events.awaitConsumed("backup-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        assertThat(http.exchange("/api/holds/" + incident, HttpMethod.GET, null, JSON).getBody().get("releasedAt"))
                .as("the hold is released when the incident closes").isNotNull();
        Map<String, Object> verified = await(backupId, b -> b.get("verifiedAt") != null);
        assertThat(verified).containsEntry("verification", "VERIFIED");
    }

    private String completedBackup() {
        Map<String, Object> started = http.postForObject("/api/backups", Map.of("database", "foodtruck"), Map.class);
        return (String) await((String) started.get("backupId"), b -> "COMPLETED".equals(b.get("status"))).get("backupId");
    }

    private Map<String, Object> await(String id, java.util.function.Predicate<Map<String, Object>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, Object> backup = http.exchange("/api/backups/" + id, HttpMethod.GET, null, JSON).getBody();
            if (done.test(backup)) {
                return backup;
            }
            assertThat(System.nanoTime()).as("waiting for backup %s: %s", id, backup).isLessThan(deadline);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The RPO alerts of {@code key}: a database's key also carries other alerts (a halted retention, say). */
    private static void collect(String key, ConsumerRecord<String, String> record, Map<String, String> types) {
        String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
        if (key.equals(record.key()) && type.startsWith("dr.backup.rpo-")) {
            types.putIfAbsent(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8), type);
        }
    }

    private List<String> typesFor(String key, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "it-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.BACKUP_EVENTS));
            // delivery is at least once: a record published twice has the same ce_id and counts once
            Map<String, String> types = new java.util.LinkedHashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && types.size() < expected) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> collect(key, r, types));
            }
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> collect(key, r, types));
            return new ArrayList<>(types.values());
        }
    }
}
