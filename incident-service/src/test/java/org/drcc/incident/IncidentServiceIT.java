package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.drcc.contract.Topics;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The incident service on the embedded engines. A declaration stored while Kafka is down and published once it
 * returns is checked, in the same Spring context, by {@link EnginesDownIT} (which also checks that the answer is
 * prompt and health names Kafka): one Kafka outage, not two for the same check.
 */
@WithEngines(database = "incident")
class IncidentServiceIT extends IncidentDeclarationChecks {

    @Test
    void aPlannedMaintenanceWindowIsStoredAndRelayedToThePlanTopicAndAnOutageCannotBeExcusedAfterTheFact() {
        Instant start = Instant.now().plus(Duration.ofHours(1));
        ResponseEntity<Map<String, Object>> scheduled = schedule(Roles.DEVOPS, start, start.plus(Duration.ofHours(2)));
        assertThat(scheduled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) scheduled.getBody().get("id");
        assertThat(scheduled.getBody()).containsEntry("scheduledBy", "devon");
        var record = TestEvents.awaitRecord(environment.getProperty("spring.kafka.bootstrap-servers"),
                Topics.PLAN_EVENTS, id, "dr.plan.maintenance-window-scheduled.v1", Duration.ofSeconds(30));
        assertThat(record.value()).contains("\"startsAt\":\"" + start + "\"").contains("PostgreSQL minor upgrade");

        ResponseEntity<Map<String, Object>> late = schedule(Roles.DEVOPS, Instant.now().minusSeconds(600), Instant.now());
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) late.getBody().get("detail")).contains("an outage already under way is an incident");
        assertThat(schedule(Roles.SUPPORT, start, start.plusSeconds(60)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<Map<String, Object>> schedule(String role, Instant from, Instant to) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(role, "devon"));
        String body = "{\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"reason\":\"PostgreSQL minor upgrade\"}";
        return http.exchange("/api/maintenance-windows", HttpMethod.POST, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<Map<String, Object>>() { });
    }
}
