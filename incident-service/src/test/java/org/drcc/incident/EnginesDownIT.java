package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.incident.OutageCalls.JSON;
import static org.drcc.incident.OutageCalls.declare;
import static org.drcc.incident.OutageCalls.health;
import static org.drcc.incident.OutageCalls.since;
import static org.drcc.incident.OutageCalls.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.drcc.contract.Topics;
import org.drcc.engines.Engines;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The service's own engines fail under it: it answers at once and names the engine, changes nothing, and takes
 * up its work again by itself when the engine is back. The bounds are generous (a loaded machine), the target
 * is about two seconds. PostgreSQL stops in {@link PostgresDownIT}, under a service on a server of its own.
 */
@WithEngines(database = "incident")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnginesDownIT {

    /** Far from a hang (a refusal takes the pool's 2 s timeout), with room for a loaded machine. */
    private static final Duration PROMPTLY = Duration.ofSeconds(15);

    @Autowired
    Environment environment;

    /** The service's port, asked by a client that never retries on its own (Apache's repeats a 503 after Retry-After). */
    TestRestTemplate http;

    @BeforeEach
    void client() {
        http = client(environment);
    }

    private static TestRestTemplate client(Environment service) {
        return new TestRestTemplate(new RestTemplateBuilder().requestFactory(JdkClientHttpRequestFactory.class)
                .rootUri("http://127.0.0.1:" + service.getProperty("local.server.port")));
    }

    /**
     * One Kafka outage for both sides of it (each restart of the broker costs ~20 s): the running service stores a
     * declaration and says Kafka is down, a service started during the outage starts and stores one too, and once
     * Kafka is back both are relayed and the started service makes the contract topic it found missing.
     */
    @Test
    void withKafkaStoppedADeclareIsStoredHealthNamesKafkaAServiceStillStartsAndOnceKafkaIsBackAllIsRelayed(
            Engines engines) throws Exception {
        String title = "Declared while Kafka was down " + UUID.randomUUID();
        String startedTitle = "Declared on a service started without Kafka " + UUID.randomUUID();
        // a contract topic missing when the second service starts, so that only that service can have made it again
        // (the running service's keeper checked its topics once, at its own start)
        String missing = Topics.PRIVACY_EVENTS + Topics.DEAD_LETTER_SUFFIX;
        try (Admin admin = admin(engines)) {
            admin.deleteTopics(List.of(missing)).all().get(30, TimeUnit.SECONDS);
            within(Duration.ofSeconds(30), () -> topics(admin), names -> !names.contains(missing));
        }
        String id;
        String startedId;
        ConfigurableApplicationContext second = null;
        try {
            engines.kafka().kill();
            try {
                long start = System.nanoTime();
                ResponseEntity<String> created = declare(http, title);
                assertThat(since(start)).isLessThan(PROMPTLY);
                assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                id = JSON.readTree(created.getBody()).path("id").asText();

                second = new SpringApplicationBuilder(IncidentServiceApplication.class)
                        .run("--server.port=0", "--spring.jmx.enabled=false");
                ResponseEntity<String> createdThere = declare(client(second.getEnvironment()), startedTitle);
                assertThat(createdThere.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                startedId = JSON.readTree(createdThere.getBody()).path("id").asText();

                // an answer remembered from before the kill may be served for a few seconds, each one quickly
                JsonNode health = within(Duration.ofSeconds(20), () -> {
                    long asked = System.nanoTime();
                    JsonNode answer = health(http);
                    assertThat(since(asked)).isLessThan(PROMPTLY);
                    return answer;
                }, h -> h.path("components").path("kafka").path("status").asText().equals("DOWN"));
                assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
            } finally {
                engines.restartKafka();
            }
            assertThat(TestEvents.awaitRecord(engines.bootstrapServers(), Topics.INCIDENT_EVENTS, id,
                    "dr.incident.declared.v1", Duration.ofSeconds(120)).value()).contains(title);
            assertThat(TestEvents.awaitRecord(engines.bootstrapServers(), Topics.INCIDENT_EVENTS, startedId,
                    "dr.incident.declared.v1", Duration.ofSeconds(120)).value()).contains(startedTitle);
            // and each incident's first record is its declaration: the service started during the outage has no topic
            // metadata, so its sends fail one by one after max.block.ms, and a broker back between two of them once
            // took a declaration's checklist event ahead of the declaration (KafkaRelay now sends nothing after a
            // failed send of its batch)
            for (String incident : List.of(id, startedId)) {
                var first = TestEvents.awaitRecord(engines.bootstrapServers(), Topics.INCIDENT_EVENTS, incident,
                        Duration.ofSeconds(30));
                assertThat(new String(first.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                        .as("the first record of incident %s", incident).isEqualTo("dr.incident.declared.v1");
            }
            try (Admin admin = admin(engines)) {
                within(Duration.ofSeconds(90), () -> topics(admin), names -> names.contains(missing));
                assertThat(admin.describeTopics(List.of(missing)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(missing).partitions()).hasSize(3);
            }
            assertThat(within(Duration.ofSeconds(30), () -> health(http),
                    h -> h.path("components").path("kafka").path("status").asText().equals("UP"))).isNotNull();
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void withS3StoppedHealthNamesS3AndAnArchiveReadIsRefusedAtOnceAndItIsUpAgainWhenItReturns(Engines engines)
            throws Exception {
        engines.stopS3();
        try {
            within(Duration.ofSeconds(20), () -> {
                long asked = System.nanoTime();
                JsonNode answer = health(http);
                assertThat(since(asked)).isLessThan(PROMPTLY);
                return answer;
            }, h -> h.path("components").path("s3").path("status").asText().equals("DOWN"));
            // a call that reads the archive in S3 is refused at once, naming S3, nothing half done
            HttpHeaders auditor = new HttpHeaders();
            auditor.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.AUDITOR, "s3-outage-auditor"));
            long asked = System.nanoTime();
            ResponseEntity<String> refused = http.exchange("/api/audit/archive/verify", HttpMethod.GET,
                    new HttpEntity<>(auditor), String.class);
            assertThat(since(asked)).isLessThan(PROMPTLY);
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
            assertThat(JSON.readTree(refused.getBody()).path("engine").asText()).isEqualTo("S3");
        } finally {
            engines.startS3();
        }
        assertThat(within(Duration.ofSeconds(30), () -> health(http),
                h -> h.path("components").path("s3").path("status").asText().equals("UP"))).isNotNull();
    }

    private static Admin admin(Engines engines) {
        return Admin.create(Map.of("bootstrap.servers", engines.bootstrapServers()));
    }

    private static Set<String> topics(Admin admin) {
        try {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
