package org.drcc.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Backup and notification events through Kafka, facts in PostgreSQL, figures read from the API and
 * Prometheus, and again after a replay.
 */
@WithEngines(database = "metrics")
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsOperationsIT {

    private static final Duration H = Duration.ofHours(1);
    private static final Duration M30 = Duration.ofMinutes(30);

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.drcc.testsupport.TestTokens.signIn(http, org.drcc.kit.security.Roles.DR_LEAD, "dana");
    }

    private Instant base;
    private String db;
    private String otherDb;
    private String tier;

    @Test
    void backupAndNotificationFiguresComeFromTheirEventsAndARedeliveryIsAppliedOnce() throws Exception {
        // A period of its own within the gauge window, and names of its own: the engines are shared.
        base = Instant.now().minus(Duration.ofDays(40 + ThreadLocalRandom.current().nextInt(200)))
                .truncatedTo(ChronoUnit.SECONDS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        db = "orders-" + run;
        otherDb = "users-" + run;
        tier = "tier-" + run;
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            String b1 = id();
            started(events, b1, db, 1);
            completed(events, b1, db, 2);
            events.publish(Topics.BACKUP_EVENTS, db, new BackupVerifiedEvent(b1, db, "scratch", 3, "test", at(3)));
            String b2 = id();
            started(events, b2, db, 4);
            events.publish(Topics.BACKUP_EVENTS, db, new BackupFailedEvent(b2, db, "disk full", "test", at(5)));
            String b3 = id();
            // Its completion before its start, as across partitions: the facts do not depend on the order.
            completed(events, b3, db, 7);
            started(events, b3, db, 6);
            String failedCheck = events.publish(Topics.BACKUP_EVENTS, db,
                    new BackupVerificationFailedEvent(b3, db, "checksum", "orders differs", "test", at(8)));
            // The same ce_id again, as Kafka may redeliver it; were it applied again, b1 would fail verification.
            events.publish(Topics.BACKUP_EVENTS, db, failedCheck,
                    new BackupVerificationFailedEvent(b1, db, "checksum", "orders differs", "test", at(8)));
            String b4 = id();
            started(events, b4, db, 9);
            completed(events, b4, db, 10);
            events.publish(Topics.BACKUP_EVENTS, db, new BackupVerifiedEvent(b4, db, "scratch", 3, "test", at(11)));
            String b5 = id();
            started(events, b5, db, 11);
            completed(events, b5, db, 12);
            events.publish(Topics.BACKUP_EVENTS, db, new BackupExpiredEvent(b5, db, "retention", "test", at(13)));
            // The latest RPO by event time wins, whatever the order of arrival.
            events.publish(Topics.BACKUP_EVENTS, db, new RpoAtRiskEvent(b4, db, at(10).minus(M30), H,
                    Duration.ofHours(2), "test", at(14)));
            events.publish(Topics.BACKUP_EVENTS, db, new RpoAtRiskEvent(b1, db, at(2).minus(M30),
                    Duration.ofHours(2), Duration.ofHours(3), "test", at(5)));
            String b6 = id();
            started(events, b6, otherDb, 1);
            completed(events, b6, otherDb, 2);

            String met = events.publish(Topics.NOTIFICATION_EVENTS, "n1",
                    new NotificationDeadlineMetEvent("n1-" + run, "i-" + run, tier, at(1), at(1).minusSeconds(60)));
            events.publish(Topics.NOTIFICATION_EVENTS, "n1", met,
                    new NotificationDeadlineMetEvent("n4-" + run, "i-" + run, tier, at(1), at(1).minusSeconds(60)));
            events.publish(Topics.NOTIFICATION_EVENTS, "n2",
                    new NotificationDeadlineBreachedEvent("n2-" + run, "i-" + run, tier, at(2), at(2)));
            events.publish(Topics.NOTIFICATION_EVENTS, "n3",
                    new NotificationDeadlineMetEvent("n3-" + run, "i-" + run, tier, at(3), at(3)));
            events.awaitConsumed("metrics-service", Topics.BACKUP_EVENTS, Duration.ofSeconds(60));
            events.awaitConsumed("metrics-service", Topics.NOTIFICATION_EVENTS, Duration.ofSeconds(60));
        }

        JsonNode f = http.getForObject("/api/metrics?from=" + base + "&to=" + base.plus(Duration.ofDays(1)),
                JsonNode.class);
        Instant now = Instant.now();
        // The incident figures stay where they were.
        assertThat(f.has("mttr")).isTrue();
        assertThat(f.has("counts")).isTrue();
        JsonNode backups = f.path("backups");
        assertThat(rate(backups.path("success"))).isEqualTo("5/6"); // b1, b3, b4, b5 and the other database's b6 completed; b2 failed
        assertThat(rate(backups.path("verification"))).isEqualTo("2/3");
        JsonNode orders = newest(backups, db);
        // b5 is newer but expired, b3 failed its verification: b4, verified at 11, is the newest good one.
        assertThat(orders.path("pointInTime").asText()).isEqualTo(at(10).minus(M30).toString());
        assertThat(orders.path("rpo").asText()).isEqualTo("PT1H");
        assertThat(orders.path("status").asText()).isEqualTo("OLDER_THAN_RPO");
        Duration age = Duration.parse(orders.path("age").asText());
        assertThat(age).isBetween(Duration.between(at(10).minus(M30), now).minusMinutes(1),
                Duration.between(at(10).minus(M30), now));
        JsonNode users = newest(backups, otherDb);
        assertThat(users.path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(users.path("rpo").isNull()).isTrue();
        assertThat(rate(f.path("notificationDeadlinesMet").path(tier))).isEqualTo("2/3");

        // the gauges reuse what they read for a second: wait for the scrape that reads the new facts
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String prometheus = http.getForObject("/actuator/prometheus", String.class);
            assertThat(prometheus).contains("\ndr_backup_success_ratio ").contains("\ndr_backup_verification_ratio ");
            assertThat(gauge(prometheus, "dr_newest_good_backup_age_seconds", "database=\"" + db + "\""))
                    .isCloseTo(Duration.between(at(10).minus(M30), Instant.now()).toSeconds(), within(120.0));
            assertThat(gauge(prometheus, "dr_backup_rpo_seconds", "database=\"" + db + "\"")).isEqualTo(3600.0);
            assertThat(gauge(prometheus, "dr_backup_rpo_seconds", "database=\"" + otherDb + "\"")).isNaN();
            assertThat(gauge(prometheus, "dr_notification_deadline_met_ratio", "tier=\"" + tier + "\""))
                    .isCloseTo(2.0 / 3, within(1e-9));
        });

        // A replay rebuilds the same facts from the topics, the redelivered records applied once again.
        ResponseEntity<JsonNode> replay = http.postForEntity("/api/metrics/replay", null, JsonNode.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replay.getBody().path("topics").toString())
                .contains(Topics.BACKUP_EVENTS).contains(Topics.NOTIFICATION_EVENTS);
        JsonNode again = http.getForObject("/api/metrics?from=" + base + "&to=" + base.plus(Duration.ofDays(1)),
                JsonNode.class);
        assertThat(rate(again.path("backups").path("success"))).isEqualTo("5/6");
        assertThat(rate(again.path("backups").path("verification"))).isEqualTo("2/3");
        assertThat(newest(again.path("backups"), db).path("pointInTime").asText())
                .isEqualTo(at(10).minus(M30).toString());
        assertThat(newest(again.path("backups"), db).path("rpo").asText()).isEqualTo("PT1H");
        assertThat(rate(again.path("notificationDeadlinesMet").path(tier))).isEqualTo("2/3");
    }

    private Instant at(long hours) {
        return base.plus(H.multipliedBy(hours));
    }

    private static String id() {
        return "b-" + UUID.randomUUID();
    }

    private void started(TestEvents events, String backupId, String database, long hours) throws Exception {
        events.publish(Topics.BACKUP_EVENTS, database,
                new BackupStartedEvent(backupId, database, "bucket", "key/" + backupId, "test", at(hours)));
    }

    /** Completed at {@code hours}, its snapshot taken half an hour before. */
    private void completed(TestEvents events, String backupId, String database, long hours) throws Exception {
        events.publish(Topics.BACKUP_EVENTS, database, new BackupCompletedEvent(backupId, database, "bucket",
                "key/" + backupId, 1024, "0".repeat(64), "16", at(hours).minus(M30), M30, List.of(), "test",
                at(hours)));
    }

    private static JsonNode newest(JsonNode backups, String database) {
        for (JsonNode n : backups.path("newestGood")) {
            if (n.path("database").asText().equals(database)) {
                return n;
            }
        }
        throw new AssertionError("no newest good backup entry for " + database + " in " + backups);
    }

    private static String rate(JsonNode rate) {
        return rate.path("achieved").asLong() + "/" + rate.path("counted").asLong();
    }

    private static double gauge(String prometheus, String name, String label) {
        return prometheus.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + "{" + label + "} not in " + prometheus));
    }
}
