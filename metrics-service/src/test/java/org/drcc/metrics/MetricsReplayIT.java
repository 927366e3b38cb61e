package org.drcc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.drcc.contract.Topics;
import org.drcc.contract.drill.DrillEvent;
import org.drcc.contract.drill.DrillFailedEvent;
import org.drcc.contract.drill.DrillIncidentDeclaredEvent;
import org.drcc.contract.drill.DrillPassedEvent;
import org.drcc.contract.drill.DrillStartedEvent;
import org.drcc.contract.drill.DrillStepRecordedEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.drcc.metrics.figures.DrillFact;
import org.drcc.metrics.figures.IncidentFact;
import org.drcc.metrics.kafka.FactsReplay;
import org.drcc.metrics.query.DrillFacts;
import org.drcc.metrics.query.IncidentFacts;
import org.drcc.metrics.query.IncidentFactsProjection;
import org.drcc.metrics.query.ProjectionReset;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The projection on the real engines: independent of order and redelivery, and rebuilt from Kafka by a replay. */
@WithEngines(database = "metrics")
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsReplayIT {

    private static final Duration H = Duration.ofHours(1);

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.drcc.testsupport.TestTokens.signIn(http, org.drcc.kit.security.Roles.DR_LEAD, "dana");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentFactsProjection projection;

    @Autowired
    IncidentFacts facts;

    @Autowired
    FactsReplay replayer;

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    @Test
    void aReplayRebuildsTheFactsFromTheBeginningOfTheTopicAndStillAppliesEachEventOnce() throws Exception {
        Instant base = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.DAYS);
        Story c;
        String drill = id();
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            c = new Story(events, id(), H, false, base).declared();
            String restore = c.restored(H, Duration.ofMinutes(10));
            events.publish(Topics.INCIDENT_EVENTS, c.id, restore, c.restoredEvent(H.multipliedBy(7), H));
            events.publish(Topics.DRILL_EVENTS, drill, new DrillFailedEvent(drill, "point-in-time-recovery", null,
                    "step 'restore' failed", null, null, null, null, List.of(), "dana", base.plus(H)));
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
            events.awaitConsumed("metrics-service", Topics.DRILL_EVENTS, Duration.ofSeconds(60));
        }
        String day = "/api/metrics?from=" + base + "&to=" + base.plus(Duration.ofDays(1));
        assertThat(get(day).getBody().path("testSuccess").path("counted").asLong()).isEqualTo(1);
        jdbc.sql("DELETE FROM drill_fact WHERE drill_id = ?").param(drill).update();
        String counts = get("/api/metrics/counts").getBody().toString();
        // What a changed projection would get wrong: the replay must put it right from the topic alone.
        jdbc.sql("UPDATE incident_fact SET restored_at = NULL, restore_point = NULL WHERE incident_id = ?")
                .param(c.id).update();
        assertThat(get("/api/metrics/incidents/" + c.id).getBody().path("state").asText()).isEqualTo("OPEN");

        // As after an upgrade: facts built by an older projection are rebuilt on start-up.
        jdbc.sql("UPDATE projection_state SET version = 1").update();
        assertThat(replayer.outdated()).isTrue();

        ResponseEntity<JsonNode> replay = http.postForEntity("/api/metrics/replay", null, JsonNode.class);

        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replay.getBody().path("records").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(replay.getBody().path("topics").toString()).contains(Topics.DRILL_EVENTS);
        JsonNode detail = get("/api/metrics/incidents/" + c.id).getBody();
        assertThat(detail.path("timeToRecover").asText()).isEqualTo("PT1H");
        assertThat(detail.path("dataLoss").asText()).isEqualTo("PT10M");
        assertThat(get("/api/metrics/counts").getBody().toString()).isEqualTo(counts);
        assertThat(get(day).getBody().path("testSuccess").toString()).as("the drill, from dr.drill.events")
                .isEqualTo("{\"achieved\":0,\"counted\":1,\"ratio\":0.0}");
        assertThat(replayer.outdated()).isFalse();
    }

    @Test
    void theFactsDoNotDependOnTheOrderOrTheNumberOfDeliveries() {
        Instant t = Instant.parse("2025-06-01T00:00:00Z");
        List<IncidentEvent> story = story("order-reference", t);
        story.forEach(e -> projection.apply(e, null));
        IncidentFact reference = facts.find("order-reference").orElseThrow();
        assertThat(reference.severity()).isEqualTo("CRITICAL");
        assertThat(reference.closedAt()).isEqualTo(t.plus(H.multipliedBy(5)));
        for (int round = 0; round < 5; round++) {
            String id = "order-" + round + "-" + id();
            List<IncidentEvent> shuffled = new ArrayList<>(story(id, t));
            shuffled.addAll(story(id, t));
            Collections.shuffle(shuffled);
            shuffled.forEach(e -> projection.apply(e, null));
            IncidentFact fact = facts.find(id).orElseThrow();
            assertThat(fact).usingRecursiveComparison().ignoringFields("incidentId").isEqualTo(reference);
        }
        // These facts were applied without Kafka: a replay would drop them, and the counts with them.
        jdbc.sql("DELETE FROM incident_fact WHERE incident_id LIKE 'order-%'").update();
    }

    @Test
    void theDrillFactsDoNotDependOnTheOrderOrTheNumberOfDeliveries(@Autowired DrillFacts drills) {
        Instant t = Instant.parse("2025-07-01T00:00:00Z");
        List<DrillEvent> reference = drillStory("drill-order-reference", t);
        reference.forEach(e -> drills.apply(e, "e-" + e.getClass().getSimpleName()));
        DrillFact expected = drill(drills, "drill-order-reference", t);
        assertThat(expected.passed()).isFalse();
        assertThat(expected.incidentId()).isEqualTo("i-drill");
        assertThat(expected.failureReason()).isEqualTo("validation failed");
        assertThat(expected.startedAt()).isEqualTo(t);
        for (int round = 0; round < 5; round++) {
            String id = "drill-order-" + round + "-" + id();
            List<DrillEvent> shuffled = new ArrayList<>(drillStory(id, t));
            shuffled.addAll(drillStory(id, t));
            Collections.shuffle(shuffled);
            shuffled.forEach(e -> drills.apply(e, "e-" + e.getClass().getSimpleName()));
            assertThat(drill(drills, id, t)).usingRecursiveComparison().ignoringFields("drillId").isEqualTo(expected);
        }
        // Applied without Kafka: a replay would drop them.
        jdbc.sql("DELETE FROM drill_fact WHERE drill_id LIKE 'drill-order-%'").update();
    }

    private static DrillFact drill(DrillFacts drills, String id, Instant t) {
        return drills.finishedBetween(t, t.plus(Duration.ofDays(1))).stream().filter(d -> d.drillId().equals(id))
                .findFirst().orElseThrow();
    }

    /** Passed and failed both: the aggregate never does so, but the projection must not depend on which came last. */
    private static List<DrillEvent> drillStory(String id, Instant t) {
        String s = "database-corruption";
        return List.of(new DrillStartedEvent(id, s, "foodtruck", "manual", "dana", t),
                new DrillIncidentDeclaredEvent(id, s, "i-drill", "dana", t.plusSeconds(60)),
                new DrillStepRecordedEvent(id, s, "restore", "OK", "restored", t, t.plusSeconds(90), "dana",
                        t.plusSeconds(90)),
                new DrillPassedEvent(id, s, null, "b-1", t.minus(H), H, H.multipliedBy(2), H, H, "dana",
                        t.plus(H)),
                new DrillFailedEvent(id, s, null, "validation failed", null, null, null, null, List.of(), "dana",
                        t.plus(H.multipliedBy(2))));
    }

    private static List<IncidentEvent> story(String id, Instant t) {
        IncidentTargets targets = new IncidentTargets("database-corruption", Duration.ofHours(2), H, false);
        return List.of(
                new IncidentDeclaredEvent(id, "database-corruption", "t", null, Severity.MEDIUM, targets.rto(),
                        targets.rpo(), t, t.minus(H), false, "alice", t),
                new SeverityChangedEvent(id, targets, Severity.MEDIUM, Severity.HIGH, "worse", "alice", t.plusSeconds(60)),
                new SeverityChangedEvent(id, targets, Severity.HIGH, Severity.CRITICAL, "worse", "alice", t.plusSeconds(120)),
                new IncidentRestoredEvent(id, targets, "b-1", t.minus(H.multipliedBy(2)), "ok", "bob", t.plus(H)),
                new IncidentClosedEvent(id, targets, "done", "alice", t.plus(H.multipliedBy(5))));
    }

    @Test
    void aReplayThatDidNotFinishIsRedoneByTheNextStartUp(@Autowired ProjectionReset reset) {
        reset.reset();
        assertThat(replayer.outdated()).as("reset, not rebuilt yet").isTrue();
        replayer.replay();
        assertThat(replayer.outdated()).isFalse();
    }
}
