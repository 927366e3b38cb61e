package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the incident service must do on any real engines: embedded here, containers where Docker exists. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IncidentDeclarationChecks {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Environment environment;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        TestTokens.signIn(http, Roles.VIEWER, "victor");
    }

    @Test
    void aDeclaredIncidentIsStoredAndRelayedToKafkaAsACloudEvent() {
        ResponseEntity<Map<String, Object>> created = declare("Orders table corrupted");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/incidents/" + id);

        Map<String, Object> incident = http.exchange("/api/incidents/" + id, HttpMethod.GET, null, MAP).getBody();
        assertThat(incident).containsEntry("status", "DECLARED").containsEntry("scenario", "database-corruption")
                .containsEntry("rto", "PT2H").containsEntry("rpo", "PT1H");

        List<Map<String, Object>> events = http.exchange("/api/incidents/" + id + "/events", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(events).extracting(e -> e.get("type"))
                .containsExactly("dr.incident.declared.v1", "dr.incident.checklist-assigned.v1",
                        "dr.incident.phase-windows-assigned.v1");
        assertThat(events).first().satisfies(e -> {
            assertThat(e).containsEntry("type", "dr.incident.declared.v1").containsEntry("actor", "alice");
            assertThat(e.get("occurredAt")).isNotNull();
        });

        ConsumerRecord<String, String> record = awaitRecord(id, Duration.ofSeconds(30));
        assertThat(header(record, "ce_type")).isEqualTo("dr.incident.declared.v1");
        assertThat(header(record, "ce_id")).isEqualTo(events.get(0).get("eventId"));
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_source")).isEqualTo("/incident-service");
        assertThat(record.value()).contains("\"title\":\"Orders table corrupted\"");
    }

    ResponseEntity<Map<String, Object>> declare(String title) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.DR_LEAD, "alice"));
        String body = "{\"scenario\":\"database-corruption\",\"title\":\"" + title + "\"}";
        return http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    ConsumerRecord<String, String> awaitRecord(String key, Duration timeout) {
        return TestEvents.awaitRecord(environment.getProperty("spring.kafka.bootstrap-servers"), Topics.INCIDENT_EVENTS,
                key, timeout);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
}
