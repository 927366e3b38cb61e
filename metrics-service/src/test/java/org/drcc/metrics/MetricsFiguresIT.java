package org.drcc.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.drill.DrillFailedEvent;
import org.drcc.contract.drill.DrillIncidentDeclaredEvent;
import org.drcc.contract.drill.DrillPassedEvent;
import org.drcc.contract.drill.DrillStartedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.plan.MaintenanceWindowScheduledEvent;
import org.drcc.contract.plan.SlaStatedEvent;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The figures on the real engines: events through Kafka, facts in PostgreSQL, read from the API and Prometheus. */
@WithEngines(database = "metrics")
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsFiguresIT {

    private static final Duration H = Duration.ofHours(1);

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.drcc.testsupport.TestTokens.signIn(http, org.drcc.kit.security.Roles.DR_LEAD, "dana");
    }


    private static TestEvents events() {
        return new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theFiguresOfAPeriodComeFromTheEventsAndARedeliveryIsAppliedOnce() throws Exception {
        Instant base = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.DAYS);
        Story a;
        Story b;
        try (TestEvents events = events()) {
            a = new Story(events, id(), H, false, base).declared();
            String restoreOfA = a.restored(H, Duration.ofMinutes(30));
            // The same ce_id again, as Kafka may redeliver it; a later time makes a second application visible.
            events.publish(Topics.INCIDENT_EVENTS, a.id, restoreOfA, a.restoredEvent(H.multipliedBy(9), H));
            a.closed(H.multipliedBy(3));
            b = new Story(events, id(), H, false, base.plus(H.multipliedBy(10))).declared();
            b.restored(H.multipliedBy(3), H.multipliedBy(2));
            new Story(events, id(), H, false, base.plus(H.multipliedBy(5))).declared().cancelled(H);
            Story drillIncident = new Story(events, id(), H, true, base.plus(H.multipliedBy(2))).declared();
            drillIncident.restored(H, Duration.ZERO);
            new Story(events, id(), null, false, base.plus(H.multipliedBy(20))).declared().restored(H, H);
            drills(events, base, drillIncident);
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
            events.awaitConsumed("metrics-service", Topics.DRILL_EVENTS, Duration.ofSeconds(60));
        }

        JsonNode f = get("/api/metrics?from=" + base + "&to=" + base.plus(Duration.ofDays(1))).getBody();
        assertThat(f.path("mttr").asText()).isEqualTo("PT1H40M");
        assertThat(f.path("mtbf").asText()).as("(24 h - 5 h down) / 3 failures").isEqualTo("PT6H20M");
        assertThat(rate(f.path("rtoAchievement"))).isEqualTo("2/3");
        assertThat(rate(f.path("rpoAchievement"))).isEqualTo("1/2");
        assertThat(rate(f.path("testSuccess"))).as("the drills' own outcomes: one passed, one failed without incident")
                .isEqualTo("1/2");
        assertThat(f.path("testSuccess").path("ratio").asDouble()).isEqualTo(0.5);
        assertThat(f.path("counts").toString())
                .isEqualTo("{\"incidents\":3,\"falseAlarms\":1,\"drills\":1,\"restored\":3,\"open\":2}");

        JsonNode detailA = get("/api/metrics/incidents/" + a.id).getBody();
        assertThat(detailA.path("timeToRecover").asText()).isEqualTo("PT1H");
        assertThat(detailA.path("rto").asText()).isEqualTo("ACHIEVED");
        assertThat(detailA.path("dataLoss").asText()).isEqualTo("PT30M");
        assertThat(detailA.path("rpo").asText()).isEqualTo("ACHIEVED");
        assertThat(detailA.path("state").asText()).isEqualTo("CLOSED");
        JsonNode detailB = get("/api/metrics/incidents/" + b.id).getBody();
        assertThat(detailB.path("rto").asText() + " " + detailB.path("rpo").asText()).isEqualTo("MISSED MISSED");
    }

    /**
     * MTBF's operating time is the period less the time service was down in it, also by an incident declared before the
     * period whose outage ran into it: that one is no failure of the period, but its hours are no operating time.
     */
    @Test
    void anOutageThatBeganBeforeThePeriodIsNotOperatingTimeInIt() throws Exception {
        Instant day = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.DAYS);
        try (TestEvents events = events()) {
            // declared (and detected) at 23:00 the day before, restored at 02:00: two hours of the day down
            new Story(events, id(), H, false, day.minus(H)).declared().restored(H.multipliedBy(3), Duration.ZERO);
            // the day's one failure: down from 10:00 to 11:00
            new Story(events, id(), H, false, day.plus(H.multipliedBy(10))).declared().restored(H, Duration.ZERO);
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }

        JsonNode f = get("/api/metrics?from=" + day + "&to=" + day.plus(Duration.ofDays(1))).getBody();
        assertThat(f.path("mtbf").asText()).as("(24 h - 2 h - 1 h down) / 1 failure").isEqualTo("PT21H");
        assertThat(f.path("counts").path("incidents").asInt()).as("the earlier incident is no failure of the day")
                .isEqualTo(1);
        assertThat(f.path("mttr").asText()).as("nor is its recovery the day's").isEqualTo("PT1H");
    }

    /**
     * Three drills on dr.drill.events, as backup-service's drill module tells them: one passed (through the drill
     * incident), one failed before it declared an incident (its failure delivered before its start, and twice), one
     * still running at the end of the day.
     */
    private static void drills(TestEvents events, Instant base, Story drillIncident) throws Exception {
        String passed = id();
        Instant started = drillIncident.declaredAt.minusSeconds(60);
        events.publish(Topics.DRILL_EVENTS, passed, new DrillStartedEvent(passed, "database-corruption", "foodtruck",
                "manual", "dana", started));
        events.publish(Topics.DRILL_EVENTS, passed, new DrillIncidentDeclaredEvent(passed, "database-corruption",
                drillIncident.id, "dana", drillIncident.declaredAt));
        events.publish(Topics.DRILL_EVENTS, passed, new DrillPassedEvent(passed, "database-corruption",
                drillIncident.id, "b-" + drillIncident.id, drillIncident.damageStart, H, H.multipliedBy(2),
                Duration.ZERO, H, "dana", drillIncident.declaredAt.plus(H)));
        String failed = id();
        Instant failedAt = base.plus(H.multipliedBy(6));
        DrillFailedEvent failure = new DrillFailedEvent(failed, "point-in-time-recovery", null,
                "step 'backup-ready' failed: no verified backup", null, null, null, null, List.of(), "dana", failedAt);
        String failureId = events.publish(Topics.DRILL_EVENTS, failed, failure);
        events.publish(Topics.DRILL_EVENTS, failed, failureId, failure);
        events.publish(Topics.DRILL_EVENTS, failed, new DrillStartedEvent(failed, "point-in-time-recovery",
                "foodtruck", "manual", "dana", failedAt.minusSeconds(30)));
        String running = id();
        events.publish(Topics.DRILL_EVENTS, running, new DrillStartedEvent(running, "application-failover",
                "foodtruck", "monthly-full", "dana", base.plus(H.multipliedBy(23))));
    }

    @Test
    void prometheusReportsTheFiguresOfTheGaugeWindowAsTheApiDoes() throws Exception {
        Instant base = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        try (TestEvents events = events()) {
            new Story(events, id(), H, false, base).declared().restored(H, Duration.ZERO);
            String drill = id();
            events.publish(Topics.DRILL_EVENTS, drill, new DrillFailedEvent(drill, "application-failover", null,
                    "no instance took over", null, null, null, null, List.of(), "dana", base.plus(H)));
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
            events.awaitConsumed("metrics-service", Topics.DRILL_EVENTS, Duration.ofSeconds(60));
        }
        JsonNode api = get("/api/metrics?from=" + Instant.now().minus(Duration.ofDays(365))).getBody();
        JsonNode testSuccess = api.path("testSuccess");
        assertThat(testSuccess.path("counted").asLong()).as("at least this test's failed drill").isPositive();
        // the gauges reuse what they read for a second: wait for the scrape that reads the new facts
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String prometheus = http.getForObject("/actuator/prometheus", String.class);
            assertThat(gauge(prometheus, "dr_mttr_seconds"))
                    .isEqualTo(Duration.parse(api.path("mttr").asText()).toMillis() / 1000.0);
            assertThat(gauge(prometheus, "dr_rto_achievement_ratio"))
                    .isEqualTo(api.path("rtoAchievement").path("ratio").asDouble());
            assertThat(gauge(prometheus, "dr_test_success_ratio")).isEqualTo(testSuccess.path("ratio").asDouble());
            assertThat(prometheus).contains("dr_mtbf_seconds").contains("dr_rpo_achievement_ratio")
                    .contains("dr_incidents_open");
        });
    }

    @Test
    void theAlertRulesAndTheDashboardUseOnlyMetricsTheServiceReports() throws Exception {
        // The gauges labelled by database or tier exist once a backup and a notification deadline were seen.
        try (TestEvents events = events()) {
            String database = "alerts-" + id();
            events.publish(Topics.BACKUP_EVENTS, database, new RpoAtRiskEvent(id(), database, null,
                    Duration.ofHours(1), null, "test", Instant.now()));
            events.publish(Topics.NOTIFICATION_EVENTS, "n", new NotificationDeadlineMetEvent(id(), id(), "alerts",
                    Instant.now(), Instant.now()));
            events.awaitConsumed("metrics-service", Topics.BACKUP_EVENTS, Duration.ofSeconds(60));
            events.awaitConsumed("metrics-service", Topics.NOTIFICATION_EVENTS, Duration.ofSeconds(60));
        }
        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        for (String file : List.of("deploy/prometheus/alerts.yml", "deploy/grafana/dashboards/dr-overview.json")) {
            String text = Files.readString(Path.of("..").resolve(file));
            // dr_plan_reviews_overdue is incident-service's (the reviews are its aggregate): IncidentLifecycleIT reads it
            List<String> used = Pattern.compile("\\bdr_[a-z_]+").matcher(text).results().map(MatchResult::group)
                    .distinct().filter(name -> !name.equals("dr_plan_reviews_overdue")).toList();
            assertThat(used).as(file).isNotEmpty();
            assertThat(used).as(file + " uses metrics missing from /actuator/prometheus")
                    .allMatch(name -> prometheus.contains("\n" + name + " ")
                            || prometheus.contains("\n" + name + "{"));
        }
    }

    @Test
    void theSlaComesFromTheOutagesOnTheIncidentTopicLessTheMaintenanceWindowsOnThePlanTopic() throws Exception {
        Instant day = Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.DAYS);
        Story outage;
        String window = id();
        try (TestEvents events = events()) {
            outage = new Story(events, id(), H, false, day.plus(H)).declared();
            outage.restored(H.multipliedBy(2), Duration.ZERO);
            new Story(events, id(), H, true, day.plus(H.multipliedBy(6))).declared().restored(H, Duration.ZERO);
            // the plan's SLA, as incident-service states it (its plan file is the one source), and an older statement
            // that arrives late: the newest is measured against
            Instant stated = Instant.now();
            events.publish(Topics.PLAN_EVENTS, SlaStatedEvent.SUBJECT, new SlaStatedEvent(new BigDecimal("99.999"),
                    Duration.parse("PT5M16S"), "incident-service", stated));
            events.publish(Topics.PLAN_EVENTS, SlaStatedEvent.SUBJECT, new SlaStatedEvent(new BigDecimal("99.9"),
                    Duration.parse("PT8H45M"), "incident-service", stated.minusSeconds(3600)));
            String scheduled = events.publish(Topics.PLAN_EVENTS, window, new MaintenanceWindowScheduledEvent(window,
                    day.plus(H.multipliedBy(2)), day.plus(H.multipliedBy(4)), "PostgreSQL minor upgrade", "devon",
                    day));
            // Kafka may deliver it twice: the window is still left out once
            events.publish(Topics.PLAN_EVENTS, window, scheduled, new MaintenanceWindowScheduledEvent(window,
                    day.plus(H.multipliedBy(2)), day.plus(H.multipliedBy(4)), "PostgreSQL minor upgrade", "devon",
                    day));
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
            events.awaitConsumed("metrics-service", Topics.PLAN_EVENTS, Duration.ofSeconds(60));
        }

        JsonNode sla = get("/api/metrics/sla?from=" + day + "&to=" + day.plus(Duration.ofDays(1))).getBody();
        JsonNode period = sla.path("period");
        assertThat(sla.path("targetPercent").asText()).isEqualTo("99.999");
        assertThat(sla.path("allowedDowntimePerYear").asText()).as("the plan's 5.26 minutes").isEqualTo("PT5M15.36S");
        assertThat(period.path("maintenance").asText()).isEqualTo("PT2H");
        assertThat(period.path("measured").asText()).isEqualTo("PT22H");
        assertThat(period.path("downtime").asText()).as("a 2 h outage, 1 h of it in the maintenance window")
                .isEqualTo("PT1H");
        assertThat(period.path("availability").asDouble()).isCloseTo(1 - 1 / 22.0, within(1e-12));
        assertThat(period.path("met").asBoolean()).isFalse();
        assertThat(period.path("outages")).singleElement().satisfies(o -> {
            assertThat(o.path("incidentId").asText()).isEqualTo(outage.id);
            assertThat(o.path("downtime").asText()).isEqualTo("PT1H");
        });
        assertThat(period.path("maintenanceWindows")).singleElement()
                .satisfies(w -> assertThat(w.path("windowId").asText()).isEqualTo(window));

        JsonNode budget = sla.path("errorBudget");
        if (budget.path("year").asInt() == day.atZone(java.time.ZoneOffset.UTC).getYear()) {
            assertThat(Duration.parse(budget.path("spent").asText())).isGreaterThanOrEqualTo(H);
            assertThat(budget.path("remaining").asText()).isEqualTo(Duration.parse(budget.path("budget").asText())
                    .minus(Duration.parse(budget.path("spent").asText())).toString());
        }
        // the gauges reuse what they read for a second: wait for the scrape that reads the plan's SLA
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String prometheus = http.getForObject("/actuator/prometheus", String.class);
            assertThat(gauge(prometheus, "dr_sla_availability_target_ratio")).isEqualTo(0.99999);
            assertThat(gauge(prometheus, "dr_sla_error_budget_seconds"))
                    .isEqualTo(Duration.parse(budget.path("budget").asText()).toNanos() / 1e9);
            assertThat(prometheus.lines()).anyMatch(l -> l.startsWith("dr_sla_error_budget_burn_rate{")
                    && l.contains("window=\"1h\""));
            assertThat(prometheus).contains("dr_sla_error_budget_remaining_seconds")
                    .contains("dr_sla_availability_ratio");
        });
    }

    @Test
    void badOrReversedRangesAndUnknownIncidentsAreProblems() {
        ResponseEntity<JsonNode> bad = get("/api/metrics?from=yesterday");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(bad.getBody().path("parameter").asText()).isEqualTo("from");
        ResponseEntity<JsonNode> reversed = get("/api/metrics?from=2026-11-02&to=2026-11-01");
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody().path("parameter").asText()).isEqualTo("to");
        ResponseEntity<JsonNode> unknown = get("/api/metrics/incidents/no-such-incident");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void anEmptyPeriodHasNoDataAndTheApiIsDocumented() {
        JsonNode f = get("/api/metrics?from=2001-01-01&to=2001-02-01").getBody();
        assertThat(f.path("mttr").isNull()).isTrue();
        assertThat(f.path("mtbf").isNull()).isTrue();
        assertThat(f.path("rtoAchievement").path("ratio").isNull()).isTrue();
        assertThat(http.getForObject("/v3/api-docs", String.class))
                .contains("/api/metrics/incidents/{id}").contains("/api/metrics/replay")
                .contains("/api/metrics/reports/{month}/report.html");
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    private static String rate(JsonNode rate) {
        return rate.path("achieved").asLong() + "/" + rate.path("counted").asLong();
    }

    private static double gauge(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + prometheus));
    }
}
