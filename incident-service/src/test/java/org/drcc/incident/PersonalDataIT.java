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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GDPR on the real engines: a responder's name is in no stored event and no Kafka record, only sealed
 * with their key; "forget this person" (security role only) destroys the key, overwrites the name in
 * the read models, says so on dr.privacy.events, and the audit chain over the stored events still
 * verifies.
 */
@WithEngines(database = "incident")
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
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRows(person) > 0);

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
        assertThat(http.exchange("/api/audit/events?actor=" + person, HttpMethod.GET,
                new HttpEntity<>(headers(Roles.AUDITOR, "ida")), String.class).getBody()).doesNotContain(person);
        Map<String, Object> proof = http.exchange("/api/audit/verify", HttpMethod.GET,
                new HttpEntity<>(headers(Roles.AUDITOR, "ida")), MAP).getBody();
        assertThat(proof).containsEntry("intact", true);

        ConsumerRecord<String, String> erasure = awaitRecord(Topics.PRIVACY_EVENTS, subject);
        assertThat(erasure.value()).contains("\"keyDestroyed\":true", "GDPR request 42").doesNotContain(person);

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
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRows(person) > 0);
        long rows = auditRows(person);

        engines.kafka().kill();
        ResponseEntity<Map<String, Object>> refused;
        try {
            refused = forget(Roles.SECURITY, person, "GDPR request 43");
        } finally {
            engines.restartKafka();
        }

        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("detail").toString()).contains("nothing was erased");
        assertThat(auditRows(person)).as("the read models are as they were").isEqualTo(rows);
        assertThat(events(id)).as("the key is intact").allSatisfy(e -> assertThat(e).containsEntry("actor", person));
    }

    private ResponseEntity<Map<String, Object>> forget(String role, String identifier, String reason) {
        return http.exchange("/api/privacy/forget", HttpMethod.POST, new HttpEntity<>(
                Map.of("identifier", identifier, "reason", reason), headers(role, "sam")), MAP);
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
}
