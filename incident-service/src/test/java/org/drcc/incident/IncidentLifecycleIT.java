package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.incident.review.OpenReviewCommand;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.drcc.kit.axon.ConnectionProviderAutoConfiguration;
import org.drcc.kit.axon.EventStoreAutoConfiguration;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A whole database-corruption incident walked through the API, then read back as it was at three instants. On a
 * database of its own: it rebuilds read models, which the processors of the JVM's other contexts would spoil on a
 * shared one (see {@link WithEngines#database()}). It reads no Kafka topic: its listeners, in the consumer group of
 * the other contexts, would take their records into this database; and its context is closed after the class.
 */
@WithEngines(database = "incident_lifecycle")
@AutoConfigureObservability // /actuator/prometheus, which Spring's tests leave out by default
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dr.idempotency-key.sweep=PT1S", // expired keys forgotten every second, not ten minutes
                "spring.kafka.listener.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IncidentLifecycleIT {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() { };
    /** Who plays which part of the plan in these walks. */
    private static final Map<String, String> ROLES = Map.of("alice", Roles.DR_LEAD, "dana", Roles.DR_LEAD,
            "bob", Roles.DBA, "carol", Roles.DEVOPS);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    ConfigurableApplicationContext context;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        TestTokens.signIn(http, Roles.DR_LEAD, "alice");
    }

    @Test
    void aDatabaseCorruptionIncidentFromDeclarationToClosureAndAsItWasThen() throws Exception {
        Instant damage = Instant.now().minus(Duration.ofHours(2));
        ResponseEntity<Map<String, Object>> declaration = send(HttpMethod.POST, "/api/incidents", "alice",
                Map.of("scenario", "database-corruption", "title", "Orders table corrupted",
                        "suspectedDamageStart", damage.toString()), null);
        Map<String, Object> declared = declaration.getBody();
        String id = (String) declared.get("id");
        // the declaration's answer is folded from its events as the command applied them, not read back: it is the
        // incident as stored, checklist, phase windows and all, at the same version
        assertThat(declared).containsEntry("status", "DECLARED").containsKeys("checklist", "windows");
        assertThat(ok(send(HttpMethod.GET, "/api/incidents/" + id, "alice", null, null))).isEqualTo(declared);
        assertThat(declaration.getHeaders().getETag()).isEqualTo("\"" + declared.get("version") + "\"");
        send(HttpMethod.PUT, "/api/incidents/" + id + "/roles/DR_LEAD", "alice", Map.of("person", "dana"), null);
        ok(send(HttpMethod.POST, path(id, "severity"), "dana", Map.of("severity", "CRITICAL", "reason", "payments too"), null));
        awaitListed("/api/incidents?severity=CRITICAL&scenario=database-corruption", id);
        awaitListed("/api/incidents?open=true&size=200", id);

        completeMandatory(id, "ASSESSMENT");
        Map<String, Object> assessed = ok(send(HttpMethod.POST, path(id, "assess"), "dana", Map.of("summary", "orders only"), null));
        completeMandatory(id, "CONTAINMENT");
        Map<String, Object> contained = ok(send(HttpMethod.POST, path(id, "contain"), "dana", Map.of(), null));

        send(HttpMethod.POST, path(id, "checklist/application-deployed/waive"), "dana",
                Map.of("reason", "the application was not touched"), null);
        completeMandatory(id, "RECOVERY");
        ResponseEntity<Map<String, Object>> tooLate = send(HttpMethod.POST, path(id, "restore"), "bob", Map.of(
                "backupId", "b-2", "restorePoint", damage.plusSeconds(60).toString()), null);
        assertThat(tooLate.getStatusCode().value()).isEqualTo(409);
        assertThat(tooLate.getBody().get("detail").toString()).contains("may hold the damage");
        ok(send(HttpMethod.POST, path(id, "restore"), "bob", Map.of(
                "backupId", "b-1", "restorePoint", damage.minus(Duration.ofMinutes(30)).toString()), null));

        ok(send(HttpMethod.POST, path(id, "validate"), "carol", Map.of("passed", false, "summary", "orders missing"), null));
        completeMandatory(id, "VALIDATION");
        ok(send(HttpMethod.POST, path(id, "validate"), "carol", Map.of("passed", true, "summary", "all green"), null));
        completeMandatory(id, "COMMUNICATION");
        completeMandatory(id, "POST_RECOVERY");
        Map<String, Object> closed = ok(send(HttpMethod.POST, path(id, "close"), "dana", Map.of("summary", "done"), null));

        assertThat(closed).containsEntry("status", "CLOSED");
        assertThat((Map<String, Object>) closed.get("restore")).containsEntry("backupId", "b-1")
                .containsEntry("dataLoss", "PT30M");
        assertThat(asOf(id, assessed)).isEqualTo(assessed);
        assertThat(asOf(id, contained)).isEqualTo(contained);
        assertThat(asOf(id, closed)).isEqualTo(closed);

        ResponseEntity<Map<String, Object>> afterClose = send(HttpMethod.POST, path(id, "notes"), "bob", Map.of("text", "x"), null);
        assertThat(afterClose.getStatusCode().value()).isEqualTo(409);
        assertThat(afterClose.getBody().get("detail").toString()).contains("CLOSED");

        awaitListed("/api/incidents?status=CLOSED&scenario=database-corruption", id);
        awaitListed("/api/incidents?open=false&size=200", id);
        assertThat(http.getForObject("/api/incidents?open=true&size=200", String.class))
                .as("a closed incident leaves the open ones").doesNotContain(id);
        assertThat(http.postForEntity("/api/admin/projections/incident-projection/replay", null, Map.class)
                .getStatusCode().value()).isEqualTo(202);
        // the list is rebuilt from the first event of every test of this class, not only this one's: whole again
        // once the projection says it is live (it is not live before it has claimed its segments and replayed)
        assertThat(http.getForObject("/api/admin/projections/incident-projection", Map.class))
                .containsEntry("projection", "incident-projection").containsKey("state");
        org.awaitility.Awaitility.await("the incident list rebuilt").atMost(Duration.ofSeconds(120)).until(() ->
                http.getForObject("/api/admin/projections/incident-projection", Map.class),
                state -> "live".equals(state.get("state")));
        awaitListed("/api/incidents?status=CLOSED&scenario=database-corruption", id);
        awaitListed("/api/audit/events?actor=dana&type=dr.incident.checklist-item-waived.v1", id);
        // The audit log rebuilt in batches of events (one transaction and one JDBC batch each) is the same log, each
        // event's document included: it is the event as stored (its personal data sealed as stored), not written anew.
        String trail = "/api/audit/events?incidentId=" + id + "&size=500";
        int all = ((Number) closed.get("version")).intValue() + 1;
        String before = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> http.getForObject(trail, String.class), page -> page.contains("\"total\":" + all));
        com.fasterxml.jackson.databind.JsonNode items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(before)
                .path("items");
        assertThat(items).as("the actor's name in clear in its column, sealed in the document").isNotEmpty()
                .anySatisfy(item -> assertThat(item.path("actor").asText()).isEqualTo("dana"))
                .allSatisfy(item -> assertThat(item.path("data").toString()).doesNotContain("\"dana\"")
                        .contains("\"actor\":\"pd:v1:"));
        assertThat(http.postForEntity("/api/admin/projections/audit-log/replay", null, Map.class)
                .getStatusCode().value()).isEqualTo(202);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> http.getForObject(trail, String.class), before::equals);
        Map<String, Object> proof = http.postForObject("/api/audit/checkpoints", null, Map.class);
        assertThat(proof).containsEntry("intact", true);
        assertThat(((Number) proof.get("checkpointsChecked")).intValue()).isPositive();
        assertThat(((Number) proof.get("eventsChecked")).intValue()).isGreaterThan(((Number) closed.get("version")).intValue());
        assertThat(http.getForObject("/actuator/prometheus", String.class)).as("the gauges the DrAuditChainUnlinked alert reads")
                .containsPattern("(?m)^dr_audit_unlinked_events(\\{[^}]*})? [0-9]")
                .containsPattern("(?m)^dr_audit_unlinked_oldest_seconds(\\{[^}]*})? [0-9]");
        String export = http.getForObject("/api/audit/events/export?incidentId=" + id, String.class);
        assertThat(export.lines()).hasSize(((Number) closed.get("version")).intValue() + 1)
                .allMatch(line -> line.contains("\"incidentId\":\"" + id + "\""));

        theClosedIncidentOwesAReviewOfThePlanThatIsRecordedOnce(id);
    }

    /** The plan's "after each incident: post-incident review", and the schedule's reviews, overdue first. */
    private void theClosedIncidentOwesAReviewOfThePlanThatIsRecordedOnce(String id) throws Exception {
        String review = "post-incident-" + id;
        awaitListed("/api/reviews?status=DUE", review);
        assertThat(http.getForObject("/api/reviews?status=DUE", String.class))
                .contains("monthly-" + java.time.YearMonth.now(java.time.ZoneOffset.UTC));
        commands.sendAndWait(new OpenReviewCommand("monthly-2020-01", ReviewKind.MONTHLY, "Review DR procedures", null,
                Instant.parse("2020-02-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z")));
        awaitListed("/api/reviews?status=OVERDUE", "monthly-2020-01");
        assertThat(http.exchange("/api/reviews", HttpMethod.GET, null, LIST).getBody().get(0))
                .containsEntry("id", "monthly-2020-01").containsEntry("status", "OVERDUE");
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .as("the gauge the DrPlanReviewOverdue alert reads").containsPattern("(?m)^dr_plan_reviews_overdue(\\{[^}]*})? [1-9]");

        Map<String, Object> changes = Map.of("planChanged", true, "changes", "stop writes before the restore");
        assertThat(send(HttpMethod.POST, "/api/reviews/" + review, "bob", changes, null).getStatusCode().value())
                .as("a DBA is not an owner of the plan").isEqualTo(403);
        Map<String, Object> held = ok(send(HttpMethod.POST, "/api/reviews/" + review, "carol", changes, null));
        assertThat(held).containsEntry("status", "DONE").containsEntry("reviewedBy", "carol")
                .containsEntry("incidentId", id).containsEntry("kind", "POST_INCIDENT");
        ResponseEntity<Map<String, Object>> again = send(HttpMethod.POST, "/api/reviews/" + review, "carol", changes, null);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").toString()).contains("was recorded at");
        assertThat(send(HttpMethod.POST, "/api/reviews/no-such-review", "carol", changes, null).getStatusCode().value())
                .isEqualTo(404);
        awaitListed("/api/reviews?status=DONE", review);
    }

    @Test
    void twoOperatorsOnOneVersionOneWinsTheOtherGets412() {
        String id = declare("Two operators");
        // declared, its checklist and its phase windows: version 2
        ResponseEntity<Map<String, Object>> first = send(HttpMethod.POST, path(id, "notes"), "bob", Map.of("text", "a"), "\"2\"");
        ResponseEntity<Map<String, Object>> second = send(HttpMethod.POST, path(id, "notes"), "carol", Map.of("text", "b"), "\"2\"");
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(second.getStatusCode().value()).isEqualTo(412);
        List<?> events = http.getForObject("/api/incidents/" + id + "/events", List.class);
        assertThat(events).hasSize(4);
    }

    @Test
    void aRetriedDeclarationWithTheSameIdempotencyKeyDeclaresOnce() {
        HttpHeaders headers = headers("alice", null);
        headers.set("Idempotency-Key", "declare-" + System.nanoTime());
        Map<String, Object> body = Map.of("scenario", "ransomware-attack", "title", "Files encrypted");
        ResponseEntity<Map<String, Object>> first = http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
        ResponseEntity<Map<String, Object>> retry = http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());

        ResponseEntity<Map<String, Object>> reused = http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>(Map.of("scenario", "ransomware-attack", "title", "Something else"), headers), MAP);
        assertThat(reused.getStatusCode().value()).isEqualTo(422);
    }

    /**
     * The database refuses to keep the answer of a declaration (a trigger, as a full disk would): the declaration is
     * undone with it, so the client's retry declares once, not twice.
     */
    @Test
    void aDeclarationWhoseAnswerCouldNotBeKeptLeavesNothingAndItsRetryDeclaresOnce() {
        String key = "unkept-" + System.nanoTime();
        String title = "Answer not kept " + key;
        HttpHeaders headers = headers("alice", null);
        headers.set("Idempotency-Key", key);
        HttpEntity<Map<String, Object>> request = new HttpEntity<>(Map.of("scenario", "ransomware-attack",
                "title", title), headers);
        jdbc.sql("CREATE FUNCTION refuse_unkept_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.key LIKE 'unkept-%' THEN RAISE EXCEPTION 'no space left on device'; END IF; RETURN NEW; END $$")
                .update();
        jdbc.sql("CREATE TRIGGER refuse_unkept_answer BEFORE UPDATE ON idempotency_key FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_unkept_answer()").update();
        ResponseEntity<Map<String, Object>> cut;
        try {
            cut = http.exchange("/api/incidents", HttpMethod.POST, request, MAP);
        } finally {
            jdbc.sql("DROP TRIGGER refuse_unkept_answer ON idempotency_key").update();
            jdbc.sql("DROP FUNCTION refuse_unkept_answer()").update();
        }
        assertThat(cut.getStatusCode().is5xxServerError()).as("answered %s", cut.getStatusCode()).isTrue();
        assertThat(declarationsTitled(title)).as("the declaration undone with its answer").isZero();

        ResponseEntity<Map<String, Object>> retry = http.exchange("/api/incidents", HttpMethod.POST, request, MAP);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(declarationsTitled(title)).isEqualTo(1);
        assertThat(http.exchange("/api/incidents", HttpMethod.POST, request, MAP).getBody().get("id"))
                .isEqualTo(retry.getBody().get("id"));
    }

    /**
     * Retries sent while the first request still runs wait for it and get its answer: one incident, one answer. The
     * database holds each claim a second (a trigger), so the four requests surely overlap.
     */
    @Test
    void retriesSentTogetherDeclareOnceAndAllGetTheSameAnswer() throws Exception {
        HttpHeaders headers = headers("alice", null);
        headers.set("Idempotency-Key", "together-" + System.nanoTime());
        HttpEntity<Map<String, Object>> request = new HttpEntity<>(Map.of("scenario", "ransomware-attack",
                "title", "Sent together"), headers);
        List<ResponseEntity<Map<String, Object>>> answers = withSlowKeys("together-%", "INSERT",
                () -> all(4, () -> http.exchange("/api/incidents", HttpMethod.POST, request, MAP)));
        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(201));
        assertThat(answers).extracting(a -> a.getBody().get("id")).as("one incident, the same answer to all")
                .containsOnly(answers.get(0).getBody().get("id"));
    }

    /**
     * Two changes to one incident at the same moment, each with its key: the first's events commit with its key's
     * answer, which the database holds a second (a trigger), after Axon has let go of the incident; the second, which
     * loaded the incident before that commit, finds its event number taken and is tried again. Both are stored.
     */
    @Test
    void twoChangesWithKeysAtTheSameMomentAreBothStored() throws Exception {
        String id = declare("Two notes at once");
        int before = http.getForObject("/api/incidents/" + id + "/events", List.class).size();
        List<ResponseEntity<Map<String, Object>>> answers = withSlowKeys("slow-%", "UPDATE", () -> all(2, i -> {
            HttpHeaders headers = headers("bob", null);
            headers.set("Idempotency-Key", (i == 0 ? "slow-" : "quick-") + System.nanoTime());
            if (i == 1) {
                Thread.sleep(300); // after the first's command, while its answer is held
            }
            return http.exchange(path(id, "notes"), HttpMethod.POST,
                    new HttpEntity<>(Map.of("text", "note " + i), headers), MAP);
        }));
        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).as(String.valueOf(a.getBody()))
                .isEqualTo(200));
        assertThat(http.getForObject("/api/incidents/" + id + "/events", List.class)).as("both notes stored")
                .hasSize(before + 2);
    }

    /** Runs {@code test} while the database takes a second over each {@code operation} on the keys like {@code keys}. */
    private <T> T withSlowKeys(String keys, String operation, java.util.concurrent.Callable<T> test) throws Exception {
        jdbc.sql("CREATE FUNCTION slow_key() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.key LIKE '" + keys + "' THEN PERFORM pg_sleep(1); END IF; RETURN NEW; END $$").update();
        jdbc.sql("CREATE TRIGGER slow_key AFTER " + operation + " ON idempotency_key FOR EACH ROW "
                + "EXECUTE FUNCTION slow_key()").update();
        try {
            return test.call();
        } finally {
            jdbc.sql("DROP TRIGGER slow_key ON idempotency_key").update();
            jdbc.sql("DROP FUNCTION slow_key()").update();
        }
    }

    private static <T> List<T> all(int n, java.util.concurrent.Callable<T> call) throws Exception {
        return all(n, i -> call.call());
    }

    /** {@code n} calls at once, each told its number; their results in that order. */
    private static <T> List<T> all(int n, Numbered<T> call) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int number = i;
                futures.add(pool.submit(() -> call.call(number)));
            }
            List<T> results = new java.util.ArrayList<>();
            for (var future : futures) {
                results.add(future.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Numbered<T> {
        T call(int number) throws Exception;
    }

    /** A key past its retention (a day) is forgotten: the same key then starts a new request, not a refusal. */
    @Test
    void anIdempotencyKeyPastItsRetentionIsForgottenAndMayBeUsedAgain() {
        String key = "old-" + System.nanoTime();
        jdbc.sql("INSERT INTO idempotency_key (caller, key, fingerprint, created_at, status, body) "
                        + "VALUES ('alice', ?, 'another request', ?, 201, '{}')")
                .params(key, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(2)))).update();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM idempotency_key WHERE key = ?").param(key).query(Long.class).single() == 0);

        HttpHeaders headers = headers("alice", null);
        headers.set("Idempotency-Key", key);
        ResponseEntity<Map<String, Object>> declared = http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>(Map.of("scenario", "ransomware-attack", "title", "Key used again"), headers), MAP);
        assertThat(declared.getStatusCode().value()).as("a new request, not 'used for a different request'")
                .isEqualTo(201);
    }

    private long declarationsTitled(String title) {
        return jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE payloadType LIKE '%IncidentDeclared%' "
                + "AND position(? IN convert_from(payload, 'UTF8')) > 0").param(title).query(Long.class).single();
    }

    @Test
    void anIdempotencyKeyIsItsCallersOwnAnotherCallersSameKeyIsAnotherRequest() {
        String key = "shared-" + System.nanoTime();
        Map<String, Object> body = Map.of("scenario", "ransomware-attack", "title", "Files encrypted");
        HttpHeaders alice = headers("alice", null);
        alice.set("Idempotency-Key", key);
        HttpHeaders dana = headers("dana", null);
        dana.set("Idempotency-Key", key);

        ResponseEntity<Map<String, Object>> hers = http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(body, alice), MAP);
        ResponseEntity<Map<String, Object>> his = http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(body, dana), MAP);

        assertThat(hers.getStatusCode().value()).isEqualTo(201);
        assertThat(his.getStatusCode().value()).as("declared, not alice's answer replayed").isEqualTo(201);
        assertThat(his.getBody().get("id")).isNotEqualTo(hers.getBody().get("id"));
        assertThat(his.getBody().get("declaredBy")).isEqualTo("dana");
    }

    @Test
    void aLongLivedIncidentIsSnapshottedAndKeepsItsStateThroughTheSnapshot() {
        String id = declare("Long-lived");
        ok(send(HttpMethod.PUT, path(id, "roles/DR_LEAD"), "alice", Map.of("person", "dana"), null));
        ok(send(HttpMethod.POST, path(id, "checklist/incident-declared/complete"), "bob", Map.of(), null));
        for (int i = 0; i < 105; i++) {
            ok(send(HttpMethod.POST, path(id, "notes"), "bob", Map.of("text", "update " + i), null));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?").param(id)
                .query(Long.class).single()).as("snapshots taken").isPositive();

        ResponseEntity<Map<String, Object>> again = send(HttpMethod.POST, path(id, "checklist/incident-declared/complete"),
                "bob", Map.of(), null);
        assertThat(again.getStatusCode().value()).as("the checklist survived the snapshot").isEqualTo(409);
        Map<String, Object> waived = ok(send(HttpMethod.POST, path(id, "checklist/dr-team-notified/waive"), "dana",
                Map.of("reason", "the whole team is in the room"), null));
        assertThat(waived).as("the DR lead survived the snapshot").containsEntry("version", 110);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhaseWindowLeftInTimeIsMetAndOneThatEndsFirstIsBreachedByTheClockOnce() throws Exception {
        String onTime = declare("Assessed at once");
        completeMandatory(onTime, "ASSESSMENT");
        Map<String, Object> assessed = ok(send(HttpMethod.POST, path(onTime, "assess"), "alice", Map.of(), null));
        assertThat(window(assessed, "ASSESSMENT")).containsEntry("state", "MET");
        assertThat(window(assessed, "CONTAINMENT")).containsEntry("state", "OPEN");

        // detected 61 minutes ago: the assessment window (30 min) and the containment window (1 h) are over
        Instant detected = Instant.now().minus(Duration.ofMinutes(61));
        String late = (String) send(HttpMethod.POST, "/api/incidents", "alice", Map.of("scenario", "database-corruption",
                "title", "Found late", "detectedAt", detected.toString()), null).getBody().get("id");
        Map<String, Object> view = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> http.exchange("/api/incidents/" + late, HttpMethod.GET, null, MAP).getBody(),
                        v -> "BREACHED".equals(window(v, "CONTAINMENT").get("state")));
        assertThat(window(view, "ASSESSMENT")).containsEntry("state", "BREACHED")
                .containsEntry("deadline", detected.plus(Duration.ofMinutes(30)).toString());
        assertThat(window(view, "CONTAINMENT")).containsEntry("state", "BREACHED");
        assertThat(window(view, "RECOVERY")).containsEntry("state", "OPEN")
                .containsEntry("deadline", detected.plus(Duration.ofHours(4)).toString());

        completeMandatory(late, "ASSESSMENT");
        ok(send(HttpMethod.POST, path(late, "assess"), "alice", Map.of(), null));
        List<Map<String, Object>> breaches = ((List<Map<String, Object>>) http.exchange(
                "/api/incidents/" + late + "/events", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .getBody()).stream().filter(e -> "dr.incident.phase-window-breached.v1".equals(e.get("type"))).toList();
        assertThat(breaches).as("each window breached once, by the clock, not again by the late move")
                .hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("actor", "incident-service"));
    }

    @Test
    void theEventStoreIsAxonsOwnWithTheKitsCacheOfRecentEventsAndItsConnections() {
        assertThat(context.getBeanFactory().getBeanDefinition("eventBus").getFactoryBeanName())
                .as("the kit's EmbeddedEventStore (1,000 recent events shared), not Axon's default, whose 10,000 "
                        + "kept a burst's events alive")
                .isEqualTo(EventStoreAutoConfiguration.class.getName());
        assertThat(context.getBeanFactory().getBeanDefinition("connectionProvider").getFactoryBeanName())
                .as("the kit's connections, released once, not Axon's default, whose second close of a returned "
                        + "connection failed another thread's command")
                .isEqualTo(ConnectionProviderAutoConfiguration.class.getName());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonSeesTheirOwnDutiesFirstAndThePlanNamesItsContradictions() {
        String id = declare("Whose job is what");
        ok(send(HttpMethod.PUT, path(id, "roles/DEVOPS"), "alice", Map.of("person", "carol"), null));
        Map<String, Object> bobs = http.exchange("/api/incidents/" + id + "/checklist", HttpMethod.GET,
                new HttpEntity<>(headers("bob", null)), MAP).getBody();
        assertThat((List<String>) bobs.get("roles")).as("bob is a DBA, and the incident names no other")
                .containsExactly("DATABASE_ADMINISTRATOR");
        List<Map<String, Object>> items = (List<Map<String, Object>>) bobs.get("items");
        int own = (int) items.stream().filter(i -> Boolean.TRUE.equals(i.get("mine"))).count();
        assertThat(items.subList(0, own)).isNotEmpty().allSatisfy(i -> assertThat(i)
                .containsEntry("owner", "DATABASE_ADMINISTRATOR"));
        assertThat(items.subList(own, items.size())).noneMatch(i -> "DATABASE_ADMINISTRATOR".equals(i.get("owner")));
        assertThat(items).extracting(i -> i.get("id")).contains("restore-database", "dba-backup-management",
                "db-manifest-matched", "incident-declared");

        Map<String, Object> carols = http.exchange("/api/incidents/" + id + "/checklist?mine=true", HttpMethod.GET,
                new HttpEntity<>(headers("carol", null)), MAP).getBody();
        assertThat((List<Map<String, Object>>) carols.get("items")).isNotEmpty()
                .allSatisfy(i -> assertThat(i).containsEntry("owner", "DEVOPS").containsEntry("mine", true));

        Map<String, Object> check = http.getForObject("/api/plan/check", Map.class);
        assertThat(check).containsEntry("consistent", false);
        assertThat((List<Map<String, Object>>) check.get("contradictions"))
                .anySatisfy(f -> assertThat(f).containsEntry("rule", "sla-rto").containsEntry("subject", "database-corruption"));
        Map<String, Object> atStart = (Map<String, Object>) http.getForObject("/actuator/info", Map.class).get("planCheck");
        assertThat(atStart).as("the check at start, on the info endpoint")
                .containsEntry("contradictions", ((List<?>) check.get("contradictions")).size());
        assertThat((List<Map<String, Object>>) atStart.get("findings"))
                .anySatisfy(f -> assertThat(f).containsEntry("rule", "sla-rto").containsEntry("subject", "database-corruption"));
        List<Map<String, Object>> phases = http.exchange("/api/plan/phases", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(phases.get(2)).containsEntry("phase", "RECOVERY")
                .containsEntry("window", Map.of("from", "PT1H", "until", "PT4H"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> window(Map<String, Object> view, String phase) {
        return ((List<Map<String, Object>>) view.get("windows")).stream().filter(w -> phase.equals(w.get("phase")))
                .findFirst().orElseThrow();
    }

    private String declare(String title) {
        return (String) send(HttpMethod.POST, "/api/incidents", "alice",
                Map.of("scenario", "database-corruption", "title", title), null).getBody().get("id");
    }

    @SuppressWarnings("unchecked")
    private void completeMandatory(String id, String phase) {
        Map<String, Object> view = http.exchange("/api/incidents/" + id, HttpMethod.GET, null, MAP).getBody();
        for (Map<String, Object> item : (List<Map<String, Object>>) view.get("checklist")) {
            if (phase.equals(item.get("phase")) && Boolean.TRUE.equals(item.get("mandatory")) && "OPEN".equals(item.get("state"))) {
                ok(send(HttpMethod.POST, path(id, "checklist/" + item.get("id") + "/complete"), "bob", Map.of(), null));
            }
        }
    }

    private Map<String, Object> asOf(String id, Map<String, Object> then) {
        return http.exchange("/api/incidents/" + id + "?asOf=" + then.get("updatedAt"), HttpMethod.GET, null, MAP).getBody();
    }

    /** Read models are filled by tracking processors, behind the commands: a loaded machine may take a while. */
    private void awaitListed(String url, String id) {
        org.awaitility.Awaitility.await(id + " listed by " + url).atMost(Duration.ofSeconds(60))
                .until(() -> http.getForObject(url, String.class).contains(id));
    }

    private ResponseEntity<Map<String, Object>> send(HttpMethod method, String url, String actor, Object body, String ifMatch) {
        return http.exchange(url, method, new HttpEntity<>(body, headers(actor, ifMatch)), MAP);
    }

    private static HttpHeaders headers(String actor, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(ROLES.get(actor), actor));
        if (ifMatch != null) {
            headers.set("If-Match", ifMatch);
        }
        return headers;
    }

    private static Map<String, Object> ok(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private static String path(String id, String action) {
        return "/api/incidents/" + id + "/" + action;
    }
}
