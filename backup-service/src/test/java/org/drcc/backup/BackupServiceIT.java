package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

@WithEngines(database = "backup")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackupServiceIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void aDeclaredIncidentHoldsTheBackupsOnceThoughDeliveredTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(id, Severity.HIGH, false);
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            String eventId = events.publish(Topics.INCIDENT_EVENTS, id, declared);
            events.publish(Topics.INCIDENT_EVENTS, id, eventId, declared);
            events.awaitConsumed("backup-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        List<Map<String, Object>> holds = http.exchange("/api/holds", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(holds).filteredOn(h -> id.equals(h.get("incidentId"))).singleElement()
                .satisfies(h -> assertThat(h).containsEntry("scenario", "database-corruption")
                        .containsEntry("suspectedDamageStart", declared.suspectedDamageStart().toString()));
    }
}
