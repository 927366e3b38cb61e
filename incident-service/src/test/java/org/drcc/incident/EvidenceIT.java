package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.contract.notification.NotificationSentEvent;
import org.drcc.contract.notification.StatusUpdatePublishedEvent;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Evidence from the rest of the suite, on the real Kafka and PostgreSQL: a restore that backup-service reported
 * ({@code dr.backup.restored}) becomes the incident's restore evidence and ticks "Database restored" (and "Data
 * verified", from the backup's verification) with the events as evidence; a typed restore is manual evidence; a
 * delivered message ticks "DR team notified", one that only reached the log channel ticks nothing.
 */
@WithEngines(database = "incident")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidenceIT {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final Map<String, String> ROLES = Map.of("alice", Roles.DR_LEAD, "bob", Roles.DBA);

    private final String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, Roles.DR_LEAD, "alice");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRestoreBackupServiceReportedIsTheEvidenceAndTicksWhatItProves() throws Exception {
        Instant damage = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        String id = containedIncident(damage);
        String backupId = "b-" + UUID.randomUUID();
        String restoreId = "r-" + UUID.randomUUID();
        Instant restorePoint = damage.minus(Duration.ofMinutes(40));
        String verifiedEvent;
        String restoredEvent;
        try (TestEvents events = new TestEvents(bootstrap)) {
            verifiedEvent = events.publish(Topics.BACKUP_EVENTS, backupId, new BackupVerifiedEvent(backupId, "foodtruck",
                    "verify_scratch", 8, "backup-service", Instant.now()));
            restoredEvent = events.publish(Topics.BACKUP_EVENTS, backupId, new BackupRestoredEvent(backupId, "foodtruck",
                    restoreId, "foodtruck_clean", restorePoint, "primary s3://dr-backups-primary/foodtruck/x.dump",
                    List.of(), "bob", Instant.now()));
        }
        for (String item : List.of("application-deployed", "services-started", "monitoring-enabled")) {
            ok(send(path(id, "checklist/" + item + "/complete"), "bob", Map.of()));
        }

        Map<String, Object> restored = awaitAccepted(path(id, "restore"), "bob", Map.of("restoreId", restoreId));

        assertThat(restored).containsEntry("status", "RESTORED");
        Map<String, Object> evidence = (Map<String, Object>) restored.get("restore");
        assertThat(evidence).containsEntry("evidence", "LINKED").containsEntry("backupId", backupId)
                .containsEntry("restorePoint", restorePoint.toString()).containsEntry("restoreId", restoreId)
                .containsEntry("database", "foodtruck").containsEntry("dataLoss", "PT40M");
        assertThat((Map<String, Object>) evidence.get("restoredEvent"))
                .containsEntry("type", "dr.backup.restored.v1").containsEntry("id", restoredEvent);
        assertThat(item(restored, "database-restored")).containsEntry("state", "DONE")
                .containsEntry("evidence", Map.of("type", "dr.backup.restored.v1", "id", restoredEvent));
        assertThat(item(restored, "data-verified")).containsEntry("state", "DONE")
                .containsEntry("evidence", Map.of("type", "dr.backup.verified.v1", "id", verifiedEvent));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTypedRestoreIsManualEvidenceVouchedForByWhoTypedIt() {
        Instant damage = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        String id = containedIncident(damage);
        for (String item : List.of("database-restored", "data-verified", "application-deployed", "services-started",
                "monitoring-enabled")) {
            ok(send(path(id, "checklist/" + item + "/complete"), "bob", Map.of()));
        }
        Map<String, Object> restored = ok(send(path(id, "restore"), "bob", Map.of("backupId", "b-typed",
                "restorePoint", damage.minus(Duration.ofMinutes(10)).toString())));

        assertThat((Map<String, Object>) restored.get("restore")).containsEntry("evidence", "MANUAL")
                .containsEntry("vouchedBy", "bob").containsEntry("backupId", "b-typed")
                .containsEntry("restoredEvent", null);
        assertThat(item(restored, "database-restored")).containsEntry("evidence", null).containsEntry("by", "bob");
    }

    @Test
    void aMessageThatReachedAPersonTicksItsItemOneThatOnlyReachedTheLogDoesNot() throws Exception {
        String id = (String) send("/api/incidents", "alice", Map.of("scenario", "database-corruption",
                "title", "Orders table corrupted")).getBody().get("id");
        String sent;
        try (TestEvents events = new TestEvents(bootstrap)) {
            // same key, same partition: the log-only message is read before the delivered one
            String logged = "n-" + UUID.randomUUID();
            events.publish(Topics.NOTIFICATION_EVENTS, id, scheduled(logged, id, "within-1h", "Support Team", "log"));
            events.publish(Topics.NOTIFICATION_EVENTS, id, new NotificationSentEvent(logged, id, "log", 1, Instant.now()));
            String slack = "n-" + UUID.randomUUID();
            events.publish(Topics.NOTIFICATION_EVENTS, id, scheduled(slack, id, "immediate", "DR Team Lead", "slack"));
            sent = events.publish(Topics.NOTIFICATION_EVENTS, id, new NotificationSentEvent(slack, id, "slack", 1,
                    Instant.now()));
        }
        Map<String, Object> view = awaitItemDone(id, "dr-team-notified");

        assertThat(item(view, "dr-team-notified")).containsEntry("by", "incident-service")
                .containsEntry("evidence", Map.of("type", "dr.notification.sent.v1", "id", sent));
        assertThat(item(view, "stakeholders-notified")).as("only the log channel had it: nobody was told")
                .containsEntry("state", "OPEN");
    }

    @Test
    void anUpdatePublishedOnTheStatusPageTicksStatusPageUpdatedWithItsEvent() throws Exception {
        String id = (String) send("/api/incidents", "alice", Map.of("scenario", "database-corruption",
                "title", "Orders slow")).getBody().get("id");
        String published;
        try (TestEvents events = new TestEvents(bootstrap)) {
            published = events.publish(Topics.NOTIFICATION_EVENTS, id, new StatusUpdatePublishedEvent(
                    "public-" + UUID.randomUUID(), id, "Ordering is slow; we are on it", null, "sue", Instant.now()));
        }
        Map<String, Object> view = awaitItemDone(id, "status-page-updated");

        assertThat(item(view, "status-page-updated")).containsEntry("by", "incident-service").containsEntry("evidence",
                Map.of("type", "dr.notification.status-update-published.v1", "id", published));
    }

    @Test
    void closingARealIncidentStoresItsReportWithTheFiguresEvidenceAndLessons() throws Exception {
        Instant damage = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        String id = containedIncident(damage);
        completeMandatory(id, "RECOVERY");
        ok(send(path(id, "restore"), "bob", Map.of("backupId", "b-typed",
                "restorePoint", damage.minus(Duration.ofMinutes(10)).toString())));
        completeMandatory(id, "VALIDATION");
        ok(send(path(id, "validate"), "bob", Map.of("passed", true)));
        completeMandatory(id, "COMMUNICATION");
        ok(send(path(id, "checklist/lessons-learned-captured/complete"), "alice",
                Map.of("note", "Alert on checksum errors <b>earlier</b>")));
        completeMandatory(id, "POST_RECOVERY");
        assertThat(http.exchange("/api/incidents/" + id + "/report", HttpMethod.GET, null, String.class)
                .getStatusCode().value()).as("not closed yet").isEqualTo(409);
        ok(send(path(id, "close"), "alice", Map.of("summary", "done")));

        String markdown = awaitReport(id, "markdown");
        List<?> events = http.getForObject("/api/incidents/" + id + "/events", List.class);
        String declaredEvent = (String) ((Map<?, ?>) events.get(0)).get("eventId");
        assertThat(markdown).startsWith("# Post-incident report: Orders table corrupted")
                .contains("| RTO: time to recover |").contains("dr.incident.declared.v1 " + declaredEvent + " detectedAt")
                .contains("| Data loss | 0 h 10 min | 1 h 00 min | met |")
                .contains("Restore evidence: manual evidence, vouched for by bob")
                .contains("## Lessons learned\n\nAlert on checksum errors <b>earlier</b> (alice,");
        assertThat(awaitReport(id, "html")).contains("Alert on checksum errors &lt;b&gt;earlier&lt;/b&gt;");
    }

    private String awaitReport(String id, String format) throws InterruptedException {
        ResponseEntity<String> answer = null;
        for (int i = 0; i < 600; i++) { // 60 s: through Kafka, on a loaded machine
            answer = http.exchange("/api/incidents/" + id + "/report?format=" + format, HttpMethod.GET, null, String.class);
            if (answer.getStatusCode().value() == 200) {
                return answer.getBody();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no report: " + answer.getBody());
    }

    private String containedIncident(Instant damage) {
        String id = (String) send("/api/incidents", "alice", Map.of("scenario", "database-corruption",
                "title", "Orders table corrupted", "suspectedDamageStart", damage.toString())).getBody().get("id");
        completeMandatory(id, "ASSESSMENT");
        ok(send(path(id, "assess"), "alice", Map.of()));
        completeMandatory(id, "CONTAINMENT");
        ok(send(path(id, "contain"), "alice", Map.of()));
        return id;
    }

    private static NotificationScheduledEvent scheduled(String notificationId, String incidentId, String tier,
                                                        String audience, String channel) {
        return new NotificationScheduledEvent(notificationId, incidentId, "src-" + notificationId, "incident-declaration",
                tier, audience, "someone", channel, "DR incident declared", "body", Instant.now().plusSeconds(900),
                Instant.now());
    }

    /** Backup-service's event reaches this service through Kafka: the restore is accepted once it has. */
    private Map<String, Object> awaitAccepted(String url, String actor, Object body) throws InterruptedException {
        ResponseEntity<Map<String, Object>> answer = null;
        for (int i = 0; i < 600; i++) { // 60 s: through Kafka, on a loaded machine
            answer = send(url, actor, body);
            if (answer.getStatusCode().value() != 409 || !String.valueOf(answer.getBody()).contains("has not reported")) {
                return ok(answer);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the restore was never seen: " + answer.getBody());
    }

    private Map<String, Object> awaitItemDone(String id, String itemId) throws InterruptedException {
        for (int i = 0; i < 600; i++) { // 60 s: through Kafka, on a loaded machine
            Map<String, Object> view = http.exchange("/api/incidents/" + id, HttpMethod.GET, null, MAP).getBody();
            if ("DONE".equals(item(view, itemId).get("state"))) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(itemId + " was never ticked");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> view, String id) {
        return ((List<Map<String, Object>>) view.get("checklist")).stream().filter(i -> id.equals(i.get("id")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private void completeMandatory(String id, String phase) {
        Map<String, Object> view = http.exchange("/api/incidents/" + id, HttpMethod.GET, null, MAP).getBody();
        for (Map<String, Object> item : (List<Map<String, Object>>) view.get("checklist")) {
            if (phase.equals(item.get("phase")) && Boolean.TRUE.equals(item.get("mandatory")) && "OPEN".equals(item.get("state"))) {
                ok(send(path(id, "checklist/" + item.get("id") + "/complete"), "bob", Map.of()));
            }
        }
    }

    private ResponseEntity<Map<String, Object>> send(String url, String actor, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(ROLES.get(actor), actor));
        return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    private static Map<String, Object> ok(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private static String path(String id, String action) {
        return "/api/incidents/" + id + "/" + action;
    }
}
