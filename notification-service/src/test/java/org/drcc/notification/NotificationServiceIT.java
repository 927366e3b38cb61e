package org.drcc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

@WithEngines(database = "notification")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationServiceIT {

    @Autowired
    TestRestTemplate http;

    private final String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");

    @Test
    void aDeclarationOwesEachTierItsMessageByItsDeadlineOnceThoughDeliveredTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(id, Severity.HIGH, false);
        try (TestEvents events = new TestEvents(bootstrap)) {
            String eventId = events.publish(Topics.INCIDENT_EVENTS, id, declared);
            events.publish(Topics.INCIDENT_EVENTS, id, eventId, declared);
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        List<Map<String, Object>> due = notifications(id);
        assertThat(due).extracting(d -> d.get("audience")).containsExactly("DR Team Lead", "DevOps Team",
                "Management", "Security Team", "All Engineering", "Development Team", "Product Team", "Support Team",
                "All Company");
        assertThat(due.get(0)).containsEntry("tier", "immediate").containsEntry("status", "PENDING")
                .containsEntry("dueAt", declared.occurredAt().plus(Duration.ofMinutes(15)).toString());
        assertThat(due).noneMatch(d -> d.get("audience").equals("Board"));
    }

    @Test
    void aMalformedEventIsParkedAndTheConsumerGoesOn() throws Exception {
        String malformedId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publishRaw(Topics.INCIDENT_EVENTS, malformedId, UUID.randomUUID().toString(),
                    "dr.incident.declared.v1", "{\"incidentId\": ");
            events.publish(Topics.INCIDENT_EVENTS, id, TestEvents.declared(id, Severity.CRITICAL, false));
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        assertThat(notifications(id)).extracting(d -> d.get("audience")).contains("Board");
        assertThat(deadLetterKeys()).contains(malformedId);
    }

    private List<Map<String, Object>> notifications(String incidentId) {
        return http.exchange("/api/incidents/" + incidentId + "/notifications", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private List<String> deadLetterKeys() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INCIDENT_EVENTS + Topics.DEAD_LETTER_SUFFIX));
            Instant deadline = Instant.now().plusSeconds(20);
            java.util.List<String> keys = new java.util.ArrayList<>();
            while (Instant.now().isBefore(deadline) && keys.isEmpty()) {
                consumer.poll(Duration.ofMillis(500)).forEach((ConsumerRecord<String, String> r) -> keys.add(r.key()));
            }
            return keys;
        }
    }
}
