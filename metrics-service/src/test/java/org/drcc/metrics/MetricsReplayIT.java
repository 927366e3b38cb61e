package org.drcc.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import org.drcc.metrics.kafka.ReplayResult;
import org.drcc.metrics.query.DrillFacts;
import org.drcc.metrics.query.IncidentFacts;
import org.drcc.metrics.query.IncidentFactsProjection;
import org.drcc.metrics.query.ProjectionReset;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
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

    @Test
    void aReplayCutShortCommitsEachRecordsFactsWithItsInboxRowAndTheNextReplayGivesTheSameFigures() throws Exception {
        Instant base = Instant.now().minus(Duration.ofDays(500)).truncatedTo(ChronoUnit.DAYS);
        List<String> ids = new ArrayList<>();
        // per incident: the ids of its declaration, restore and close
        Map<String, String[]> eventIds = new java.util.HashMap<>();
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            for (int i = 0; i < 200; i++) {
                Story s = new Story(events, id(), H, i % 10 == 0, base.plus(Duration.ofMinutes(5L * i)));
                String declared = events.publish(Topics.INCIDENT_EVENTS, s.id, new IncidentDeclaredEvent(s.id,
                        s.targets.scenarioId(), "t", null, Severity.HIGH, s.targets.rto(), s.targets.rpo(),
                        s.declaredAt, s.damageStart, s.targets.drill(), "alice", s.declaredAt));
                String restored = s.restored(H, Duration.ofMinutes(i % 30));
                String closed = events.publish(Topics.INCIDENT_EVENTS, s.id, new IncidentClosedEvent(s.id, s.targets,
                        "done", "alice", s.declaredAt.plus(H.multipliedBy(2))));
                ids.add(s.id);
                eventIds.put(s.id, new String[] {declared, restored, closed});
            }
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(120));
        }
        replayer.replay();
        String counts = get("/api/metrics/counts").getBody().toString();
        String figures = figures(base);
        List<Map<String, Object>> facts = facts(ids);
        assertThat(facts).hasSize(200);

        // A replay cut short by a failure: the database refuses the last incident's row, so the batch that holds any
        // of its events fails at its commit, as a crash or a lost connection would cut it.
        String refused = ids.get(ids.size() - 1);
        jdbc.sql("ALTER TABLE incident_fact ADD CONSTRAINT replay_cut_short CHECK (incident_id <> '" + refused
                + "') NOT VALID").update();
        try {
            assertThatThrownBy(replayer::replay).as("the replay was cut short")
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            jdbc.sql("ALTER TABLE incident_fact DROP CONSTRAINT replay_cut_short").update();
        }
        assertThat(replayer.outdated()).as("the next start-up replays again").isTrue();
        long applied = applied(eventIds);
        assertThat(applied).as("the failed batch applied nothing").isLessThan(600);
        // Each record's facts and its inbox row committed together, or neither did.
        Map<String, Map<String, Object>> partial = new java.util.HashMap<>();
        facts(ids).forEach(f -> partial.put((String) f.get("incident_id"), f));
        List<String> inbox = jdbc.sql("SELECT event_id FROM processed_event WHERE consumer = 'metrics-service'")
                .query(String.class).list();
        for (String id : ids) {
            String[] e = eventIds.get(id);
            Map<String, Object> fact = partial.get(id);
            assertThat(fact != null && e[0].equals(fact.get("declared_event_id"))).as("declared " + id)
                    .isEqualTo(inbox.contains(e[0]));
            assertThat(fact != null && e[1].equals(fact.get("restored_event_id"))).as("restored " + id)
                    .isEqualTo(inbox.contains(e[1]));
            assertThat(fact != null && fact.get("closed_at") != null).as("closed " + id).isEqualTo(inbox.contains(e[2]));
        }

        ReplayResult again = replayer.replay();

        assertThat(again.records()).isGreaterThanOrEqualTo(600);
        assertThat(applied(eventIds)).isEqualTo(600);
        assertThat(facts(ids)).isEqualTo(facts);
        assertThat(get("/api/metrics/counts").getBody().toString()).isEqualTo(counts);
        assertThat(figures(base)).isEqualTo(figures);
        assertThat(replayer.outdated()).isFalse();
    }

    /** The figures of the 30 days from {@code from}, without the instant they were computed at. */
    private String figures(Instant from) {
        JsonNode figures = get("/api/metrics?from=" + from + "&to=" + from.plus(Duration.ofDays(30))).getBody();
        ((com.fasterxml.jackson.databind.node.ObjectNode) figures).remove("asOf");
        return figures.toString();
    }

    /** How many of these events the inbox holds as applied. */
    private long applied(Map<String, String[]> eventIds) {
        List<String> all = eventIds.values().stream().flatMap(java.util.Arrays::stream).toList();
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = 'metrics-service' AND event_id IN (:ids)")
                .param("ids", all).query(Long.class).single();
    }

    private List<Map<String, Object>> facts(List<String> ids) {
        return jdbc.sql("SELECT * FROM incident_fact WHERE incident_id IN (:ids) ORDER BY incident_id")
                .param("ids", ids).query().listOfRows();
    }
}
