package org.drcc.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

@WithEngines(database = "metrics")
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsServiceIT {

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.drcc.testsupport.TestTokens.signIn(http, org.drcc.kit.security.Roles.DR_LEAD, "dana");
    }

    @Test
    void incidentsAndDrillsAreCountedOnceAndApartOnTheApiAndPrometheus() throws Exception {
        // Other tests share the engines: count what this test adds.
        Map<String, Object> before = counts();
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            String real = UUID.randomUUID().toString();
            IncidentDeclaredEvent declared = TestEvents.declared(real, Severity.HIGH, false);
            String eventId = events.publish(Topics.INCIDENT_EVENTS, real, declared);
            events.publish(Topics.INCIDENT_EVENTS, real, eventId, declared);
            String drill = UUID.randomUUID().toString();
            events.publish(Topics.INCIDENT_EVENTS, drill, TestEvents.declared(drill, Severity.MEDIUM, true));
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        Map<String, Object> counts = counts();
        for (String key : new String[] {"incidents", "drills", "open"}) {
            assertThat((Integer) counts.get(key)).as(key).isEqualTo((Integer) before.get(key) + 1);
        }
        // the gauges reuse what they read for a second: wait for the scrape that reads the new facts
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("dr_incidents_open")).isEqualTo(((Integer) counts.get("open")).doubleValue());
            assertThat(gauge("dr_incidents_declared")).isEqualTo(((Integer) counts.get("incidents")).doubleValue());
        });
    }

    private Map<String, Object> counts() {
        return http.exchange("/api/metrics/counts", HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
    }

    private double gauge(String name) {
        return http.getForObject("/actuator/prometheus", String.class).lines()
                .filter(l -> l.startsWith(name + " ")).map(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not on /actuator/prometheus"));
    }

    @Test
    void everyOperationOfTheOpenApiDocumentIsGuarded(
            @Autowired org.drcc.kit.security.PermissionTable permissions) {
        org.drcc.testsupport.OpenApiWalk.assertEveryOperationGuarded(http, java.util.Set.of(), (method, path) ->
                permissions.find(new org.springframework.mock.web.MockHttpServletRequest(method.name(), path))
                        .map(org.drcc.kit.security.Permission::roles).orElse(java.util.List.of()));
    }
}
