package org.drcc.drill.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.drcc.contract.incident.Phase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The drill's client reads incident-service's JSON into its records and ticks only the items it is told. */
class IncidentDeskTest {

    private static final String INCIDENT = """
            {"id": "i-1", "declaredAt": "2026-11-25T10:00:00Z", "status": "DECLARED", "checklist": [
              {"id": "impact-assessed", "phase": "ASSESSMENT", "text": "Impact assessed", "mandatory": true, "state": "OPEN"},
              {"id": "dr-team-notified", "phase": "ASSESSMENT", "text": "DR team notified", "mandatory": true, "state": "OPEN"},
              {"id": "optional-one", "phase": "ASSESSMENT", "text": "Optional", "mandatory": false, "state": "OPEN"},
              {"id": "incident-declared", "phase": "ASSESSMENT", "text": "Incident declared", "mandatory": true, "state": "DONE"},
              {"id": "systems-isolated", "phase": "CONTAINMENT", "text": "Systems isolated", "mandatory": true, "state": "OPEN"}],
             "restore": {"backupId": "b-1", "restorePoint": "2026-11-25T09:00:00Z", "dataLoss": "PT25M",
                         "at": "2026-11-25T10:05:00Z", "by": "dr-drill"}}""";

    private MockRestServiceServer server;
    private IncidentDesk desk;

    @BeforeEach
    void setUp() {
        // as Spring Boot's builder, which the drill's client is made from, writes instants
        ObjectMapper json = Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        RestClient.Builder builder = RestClient.builder().baseUrl("http://incidents").messageConverters(converters -> {
            converters.removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
            converters.add(new MappingJackson2HttpMessageConverter(json));
        });
        server = MockRestServiceServer.bindTo(builder).build();
        desk = new IncidentDesk(builder.build());
    }

    @Test
    void ticksTheItemsItDidAndWaivesTheOtherMandatoryOpenItemsOfThePhase() {
        server.expect(requestTo("http://incidents/api/incidents/i-1")).andRespond(withSuccess(INCIDENT, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://incidents/api/incidents/i-1/checklist/impact-assessed/complete"))
                .andExpect(method(HttpMethod.POST)).andExpect(content().json("{\"note\": \"2 tables changed\"}"))
                .andRespond(withSuccess());
        server.expect(requestTo("http://incidents/api/incidents/i-1/checklist/dr-team-notified/waive"))
                .andExpect(content().json("{\"reason\": \"not exercised by the automated drill\"}"))
                .andRespond(withSuccess());

        desk.checklist("i-1", Phase.ASSESSMENT, Map.of("impact-assessed", "2 tables changed"));

        server.verify();
    }

    @Test
    void readsTheRestoreAndTheTargetsAsTyped() {
        server.expect(requestTo("http://incidents/api/incidents/i-1")).andRespond(withSuccess(INCIDENT, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://incidents/api/scenarios/database-corruption"))
                .andRespond(withSuccess("""
                        {"id": "database-corruption", "rto": "PT2H", "rpo": 3600.0, "checklist": [
                          {"id": "db-back", "phase": "RECOVERY", "text": "Database restored", "deed": "database-restored"},
                          {"id": "step-1", "phase": "RECOVERY", "text": "Identify corruption source", "deed": null}]}""",
                        MediaType.APPLICATION_JSON));

        IncidentApi.Incident incident = desk.incident("i-1");
        IncidentApi.ScenarioTargets targets = desk.targets("database-corruption");

        assertThat(incident.restore().dataLoss()).isEqualTo(Duration.ofMinutes(25));
        assertThat(incident.restore().at()).isEqualTo(Instant.parse("2026-11-25T10:05:00Z"));
        assertThat(targets.rto()).isEqualTo(Duration.ofHours(2));
        assertThat(targets.rpo()).isEqualTo(Duration.ofHours(1));
        assertThat(targets.itemFor(DrillDeed.DATABASE_RESTORED)).as("the plan's own id for the deed").contains("db-back");
        assertThat(targets.itemFor(DrillDeed.DATA_VERIFIED)).as("a deed the plan puts on no item").isEmpty();
    }

    @Test
    void declaresADrillIncidentAndSaysWhatIncidentServiceAnsweredWhenRefused() {
        server.expect(requestTo("http://incidents/api/incidents")).andExpect(content().json(
                        "{\"scenario\": \"ransomware-attack\", \"drill\": true, \"suspectedDamageStart\": \"2026-11-25T09:59:00Z\"}"))
                .andRespond(withSuccess(INCIDENT, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://incidents/api/incidents/i-1/cancel"))
                .andRespond(withStatus(HttpStatus.CONFLICT).body("{\"detail\": \"already closed\"}"));

        assertThat(desk.declare("ransomware-attack", "Drill", "d", Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T09:59:00Z"))).isEqualTo("i-1");
        assertThatThrownBy(() -> desk.cancel("i-1", "drill failed"))
                .hasMessageContaining("incident-service answered 409").hasMessageContaining("already closed");
    }
}
