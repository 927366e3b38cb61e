package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.engines.Engines;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GDPR on the real engines: a responder's name is in no stored event and no Kafka record, only sealed
 * with their key; "forget this person" (security role only, requested by one person and confirmed by
 * another) destroys the key, overwrites the name in the read models, says so on dr.privacy.events with
 * the requester and the confirmer in clear, and the audit chain over the stored events still verifies.
 */
@WithEngines(database = "incident")
// the legal holds it names (held-by-counsel, other-held) are in the tests' config/application.yml: this class shares
// the Spring context of the JVM's other ITs
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataIT {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void aForgottenResponderIsUnreadableEverywhereAndTheTrailStillVerifies() {
        String person = "gdpr-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> declared = http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>("{\"scenario\":\"database-corruption\",\"title\":\"Orders table corrupted\"}",
                        headers(Roles.DR_LEAD, person)), MAP);
        assertThat(declared.getStatusCode().value()).isEqualTo(201);
        String id = declared.getBody().get("id").toString();

        List<String> stored = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(id).query(String.class).list();
        assertThat(stored).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain(person).contains("\"actor\":\"pd:v1:"));
        ConsumerRecord<String, String> published = awaitRecord(Topics.INCIDENT_EVENTS, id);
        assertThat(published.value()).doesNotContain(person).contains("\"actor\":\"pd:v1:");
        assertThat(events(id)).allSatisfy(e -> assertThat(e).containsEntry("actor", person));
        // every event of the declaration projected before the erasure (one projected after it would write the name back)
        await().atMost(Duration.ofSeconds(60)).until(() -> auditRows(person) > 0 && auditRows(person) == events(id).size());
        // the audit log keeps each document as stored, sealed; one written before sealing existed names them in clear,
        // and the erasure scrubs it from the document (a json column) too
        jdbc.sql("""
                        INSERT INTO audit_event (event_id, incident_id, sequence, type, actor, occurred_at, data)
                        VALUES (?, ?, 999, 'dr.incident.note-added.v1', ?, now(), ?::json)""")
                .params("legacy-" + id, id, person, "{\"incidentId\":\"" + id + "\",\"text\":\"by hand\",\"actor\":\""
                        + person + "\"}").update();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE incident_id = ? AND data::text LIKE ?")
                .params(id, "%" + person + "%").query(Long.class).single()).isEqualTo(1);

        ResponseEntity<Map<String, Object>> notAllowed = forget(Roles.DR_LEAD, person, "GDPR request 42");
        assertThat(notAllowed.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<Map<String, Object>> blank = forget(Roles.SECURITY, " ", "GDPR request 42");
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(events(id)).as("a refused request changes nothing")
                .allSatisfy(e -> assertThat(e).containsEntry("actor", person));

        ResponseEntity<Map<String, Object>> erased = forget(Roles.SECURITY, person.toUpperCase(), "GDPR request 42");
        assertThat(erased.getStatusCode().value()).isEqualTo(200);
        assertThat(erased.getBody()).containsEntry("keyDestroyed", true).containsEntry("service", "incident-service");
        assertThat(((Number) erased.getBody().get("rowsScrubbed")).intValue()).isPositive();
        String subject = erased.getBody().get("subjectId").toString();

        assertThat(events(id)).allSatisfy(e -> assertThat(e).containsEntry("actor", "[forgotten]"));
        assertThat(auditRows(person)).isZero();
        assertThat(jdbc.sql("SELECT data::text FROM audit_event WHERE event_id = ?").param("legacy-" + id)
                .query(String.class).single()).contains("\"actor\":\"[forgotten]\"");
        assertThat(http.exchange("/api/audit/events?actor=" + person, HttpMethod.GET,
                new HttpEntity<>(headers(Roles.AUDITOR, "ida")), String.class).getBody()).doesNotContain(person);
        Map<String, Object> proof = http.exchange("/api/audit/verify", HttpMethod.GET,
                new HttpEntity<>(headers(Roles.AUDITOR, "ida")), MAP).getBody();
        assertThat(proof).containsEntry("intact", true);

        ConsumerRecord<String, String> erasure = awaitRecord(Topics.PRIVACY_EVENTS, subject,
                "dr.privacy.personal-data-erased.v1");
        assertThat(erasure.value()).contains("\"keyDestroyed\":true", "GDPR request 42").doesNotContain(person);
        assertThat(awaitRecord(Topics.PRIVACY_EVENTS, subject, "dr.privacy.erasure-requested.v1").value())
                .as("the requester in clear").contains("\"actor\":\"sam\"").doesNotContain(person);
        assertThat(awaitRecord(Topics.PRIVACY_EVENTS, subject, "dr.privacy.erasure-confirmed.v1").value())
                .as("both operators in clear").contains("\"requestedBy\":\"sam\"", "\"actor\":\"tess\"")
                .doesNotContain(person);

        ResponseEntity<Map<String, Object>> again = forget(Roles.SECURITY, person, "GDPR request 42");
        assertThat(again.getBody()).as("repeatable: nothing left").containsEntry("keyDestroyed", false)
                .containsEntry("rowsScrubbed", 0);
    }

    @Test
    void withKafkaDownNothingIsErasedAndTheAnswerSaysSo(Engines engines) {
        String person = "gdpr-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> declared = http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>("{\"scenario\":\"database-corruption\",\"title\":\"During an outage\"}",
                        headers(Roles.DR_LEAD, person)), MAP);
        String id = declared.getBody().get("id").toString();
        // every event of the declaration projected, not just the first (a busy machine projects them one by one)
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRows(person) > 0 && auditRows(person) == events(id).size());
        long rows = auditRows(person);

        String erasureId = request(Roles.SECURITY, "sam", person, "GDPR request 43").getBody().get("erasureId").toString();

        engines.kafka().kill();
        ResponseEntity<Map<String, Object>> refused;
        try {
            // asked once, by a client that does not repeat a 503 on its own (the autowired one, Apache's, sends the
            // confirmation again after Retry-After, and the test waited out Kafka's delivery timeout twice)
            refused = confirm(once(), Roles.SECURITY, "tess", erasureId, person);
        } finally {
            engines.restartKafka();
        }

        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("detail").toString()).contains("nothing was erased");
        assertThat(auditRows(person)).as("the read models are as they were").isEqualTo(rows);
        assertThat(events(id)).as("the key is intact").allSatisfy(e -> assertThat(e).containsEntry("actor", person));
        assertThat(confirmedBy(erasureId)).as("the confirmation is not kept either").isNull();
    }

    @Test
    void anErasureNeedsASecondPersonAndNeverErasesTheEraserOrAHeldPerson() {
        String person = "gdpr-" + UUID.randomUUID().toString().substring(0, 8);
        String id = http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>("{\"scenario\":\"database-corruption\",\"title\":\"Four eyes\"}",
                        headers(Roles.DR_LEAD, person)), MAP).getBody().get("id").toString();

        assertRefused(request(Roles.SECURITY, "sam", " SAM ", "covering my tracks"), "nobody may erase themselves");
        assertRefused(request(Roles.SECURITY, "sam", "Held-By-Counsel", "GDPR request 44"), "legal hold");

        ResponseEntity<Map<String, Object>> requested = request(Roles.SECURITY, "sam", person, "GDPR request 44");
        assertThat(requested.getStatusCode().value()).isEqualTo(202);
        assertThat(requested.getBody()).containsEntry("status", "PENDING").containsEntry("requestedBy", "sam");
        String erasureId = requested.getBody().get("erasureId").toString();
        assertThat(events(id)).as("a request alone erases nothing")
                .allSatisfy(e -> assertThat(e).containsEntry("actor", person));

        assertRefused(confirm(Roles.SECURITY, "Sam", erasureId, person), "four eyes");
        assertRefused(confirm(Roles.SECURITY, "tess", erasureId, "someone-else"), "another person");
        assertThat(confirm(Roles.DR_LEAD, "tess", erasureId, person).getStatusCode().value()).isEqualTo(403);
        assertThat(confirm(Roles.SECURITY, "tess", UUID.randomUUID().toString(), person).getStatusCode().value())
                .isEqualTo(404);
        assertThat(events(id)).as("refused confirmations erase nothing")
                .allSatisfy(e -> assertThat(e).containsEntry("actor", person));
        assertThat(confirmedBy(erasureId)).isNull();

        // a request for tess, confirmed by tess herself, would erase the confirmer: refused too
        String forTess = request(Roles.SECURITY, "sam", "tess", "GDPR request 45").getBody().get("erasureId").toString();
        assertRefused(confirm(Roles.SECURITY, "tess", forTess, "tess"), "nobody may erase themselves");

        ResponseEntity<Map<String, Object>> erased = confirm(Roles.SECURITY, "tess", erasureId, person);
        assertThat(erased.getStatusCode().value()).isEqualTo(200);
        assertThat(erased.getBody()).containsEntry("keyDestroyed", true).containsEntry("requestedBy", "sam")
                .containsEntry("confirmedBy", "tess").containsEntry("erasureId", erasureId);
        assertThat(events(id)).allSatisfy(e -> assertThat(e).containsEntry("actor", "[forgotten]"));
        assertThat(confirmedBy(erasureId)).isEqualTo("tess");
    }

    @Test
    void aForgottenRoleHolderIsNowhereInTheDatabaseEvenAfterASnapshot() {
        String person = "snap-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        String id = declare(lead, "Long-lived");
        // with Idempotency-Keys: the lead's kept answer names the person, and the person's own request is kept
        // under their name
        assertThat(assignDatabaseAdministrator(id, lead, person, "assign-" + UUID.randomUUID())).isEqualTo(200);
        HttpHeaders noting = headers(Roles.DR_LEAD, person);
        noting.set("Idempotency-Key", "note-" + UUID.randomUUID());
        assertThat(http.exchange("/api/incidents/" + id + "/notes", HttpMethod.POST,
                new HttpEntity<>(Map.of("text", "restore under way"), noting), MAP).getStatusCode().is2xxSuccessful())
                .isTrue();
        for (int i = 0; i < 104; i++) {
            assertThat(http.exchange("/api/incidents/" + id + "/notes", HttpMethod.POST,
                    new HttpEntity<>(Map.of("text", "update " + i), headers(Roles.DR_LEAD, lead)), MAP)
                    .getStatusCode().is2xxSuccessful()).isTrue();
        }
        List<String> snapshots = jdbc.sql("SELECT encode(payload, 'escape') FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")
                .param(id).query(String.class).list();
        assertThat(snapshots).as("a snapshot after 100 events, the role holder sealed in it").isNotEmpty()
                .allSatisfy(p -> assertThat(p).doesNotContain(person).contains("pd:v1:"));
        // the read models have every event of the incident (declared, checklist, phase windows, role, 105 notes)
        // before the erasure
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM audit_event WHERE incident_id = ?")
                .param(id).query(Long.class).single() == 109);

        assertThat(forget(Roles.SECURITY, person, "GDPR request 46").getStatusCode().value()).isEqualTo(200);

        assertThat(placesHolding(person)).as("every text, JSON and byte column of every table").isEmpty();
        Map<String, Object> view = http.exchange("/api/incidents/" + id, HttpMethod.GET,
                new HttpEntity<>(headers(Roles.VIEWER, "victor")), MAP).getBody();
        assertThat(view.toString()).doesNotContain(person);
        assertThat(http.exchange("/api/incidents/" + id + "/notes", HttpMethod.POST,
                new HttpEntity<>(Map.of("text", "after the erasure"), headers(Roles.DR_LEAD, lead)), MAP)
                .getStatusCode().is2xxSuccessful()).as("the incident still loads from its snapshot").isTrue();
    }

    /** An erasure deletes the kept answers that name the person, not those naming someone whose name contains theirs. */
    @Test
    void aKeptAnswerNamingALongerNameOutlivesTheErasure() {
        String person = "kim-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        String id = declare(lead, "Another");
        String key = "assign-" + UUID.randomUUID();
        assertThat(assignDatabaseAdministrator(id, lead, person + "berly", key)).isEqualTo(200);

        assertThat(forget(Roles.SECURITY, person, "GDPR request 47").getStatusCode().value()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE key = ?").param(key).query(Long.class).single())
                .as("the answer names %sberly, not %s", person, person).isEqualTo(1);
    }

    /** A new incident declared by {@code lead}: its id. */
    private String declare(String lead, String title) {
        return http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>("{\"scenario\":\"database-corruption\",\"title\":\"" + title + "\"}",
                        headers(Roles.DR_LEAD, lead)), MAP).getBody().get("id").toString();
    }

    /** {@code lead} makes {@code person} the incident's database administrator, with an Idempotency-Key: the status. */
    private int assignDatabaseAdministrator(String id, String lead, String person, String key) {
        HttpHeaders assigning = headers(Roles.DR_LEAD, lead);
        assigning.set("Idempotency-Key", key);
        return http.exchange("/api/incidents/" + id + "/roles/DATABASE_ADMINISTRATOR", HttpMethod.PUT,
                new HttpEntity<>(Map.of("person", person), assigning), MAP).getStatusCode().value();
    }

    /** Where {@code text} appears in the service's database: "schema.table.column" of each such column. */
    private List<String> placesHolding(String text) {
        List<String[]> columns = jdbc.sql("""
                        SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                          AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea')""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        return columns.stream().filter(c -> {
            String column = "\"" + c[0] + "\".\"" + c[1] + "\".\"" + c[2] + "\"";
            String asText = c[3].equals("bytea") ? "encode(" + column + ", 'escape')" : column + "::text";
            return jdbc.sql("SELECT count(*) FROM \"" + c[0] + "\".\"" + c[1] + "\" WHERE position(lower(?) in lower("
                    + asText + ")) > 0").param(text).query(Long.class).single() > 0;
        }).map(c -> c[0] + "." + c[1] + "." + c[2]).toList();
    }

    private static void assertRefused(ResponseEntity<Map<String, Object>> answer, String because) {
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("detail").toString()).contains(because);
    }

    private String confirmedBy(String erasureId) {
        return keyring().sql("SELECT confirmed_by FROM keyring.erasure WHERE erasure_id = ?::uuid").param(erasureId)
                .query(String.class).optional().orElse(null);
    }

    /** The shared keyring's database (the service's own when none is set). */
    private JdbcClient keyring() {
        String url = environment.getProperty("dr.privacy.keyring.url");
        return url == null ? jdbc : JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url,
                environment.getProperty("dr.privacy.keyring.username"), environment.getProperty("dr.privacy.keyring.password", "")));
    }

    /** sam requests, tess confirms: the four eyes an erasure needs. */
    private ResponseEntity<Map<String, Object>> forget(String role, String identifier, String reason) {
        ResponseEntity<Map<String, Object>> requested = request(role, "sam", identifier, reason);
        if (requested.getStatusCode().value() != 202) {
            return requested;
        }
        return confirm(role, "tess", requested.getBody().get("erasureId").toString(), identifier);
    }

    private ResponseEntity<Map<String, Object>> request(String role, String caller, String identifier, String reason) {
        return http.exchange("/api/privacy/erasures", HttpMethod.POST, new HttpEntity<>(
                Map.of("identifier", identifier, "reason", reason), headers(role, caller)), MAP);
    }

    private ResponseEntity<Map<String, Object>> confirm(String role, String caller, String erasureId, String identifier) {
        return confirm(http, role, caller, erasureId, identifier);
    }

    private static ResponseEntity<Map<String, Object>> confirm(TestRestTemplate http, String role, String caller,
                                                               String erasureId, String identifier) {
        return http.exchange("/api/privacy/erasures/" + erasureId + "/confirm", HttpMethod.POST, new HttpEntity<>(
                Map.of("identifier", identifier), headers(role, caller)), MAP);
    }

    /** The service's port, asked by a client that never retries on its own. */
    private TestRestTemplate once() {
        return new TestRestTemplate(new RestTemplateBuilder().requestFactory(JdkClientHttpRequestFactory.class)
                .rootUri("http://127.0.0.1:" + environment.getProperty("local.server.port")));
    }

    private List<Map<String, Object>> events(String id) {
        return http.exchange("/api/incidents/" + id + "/events", HttpMethod.GET,
                new HttpEntity<>(headers(Roles.VIEWER, "victor")), LIST).getBody();
    }

    private long auditRows(String person) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? OR data::text LIKE ?")
                .params(person, "%" + person + "%").query(Long.class).single();
    }

    private static HttpHeaders headers(String role, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(role, name));
        return headers;
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        return TestEvents.awaitRecord(environment.getProperty("spring.kafka.bootstrap-servers"), topic, key,
                Duration.ofSeconds(30));
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, String key, String type) {
        return TestEvents.awaitRecord(environment.getProperty("spring.kafka.bootstrap-servers"), topic, key, type,
                Duration.ofSeconds(30));
    }
}
