package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code dr metrics sla}, {@code dr maintenance schedule} and {@code dr review} against stand-in services that record
 * what they are asked.
 */
class PlanCommandsTest {

    private static final String SLA = """
            {"target":0.99999,"targetPercent":"99.999","allowedDowntimePerYear":"PT5M15.36S",
             "period":{"from":"2026-01-01T00:00:00Z","to":"2026-11-30T12:00:00Z","availability":0.9999876,
               "met":false,"measured":"PT7992H","maintenance":"PT2H","downtime":"PT6M","allowedDowntime":"PT4M47.52S",
               "outages":[{"incidentId":"i-7","scenario":"database-corruption","from":"2026-03-02T10:00:00Z",
                 "to":"2026-03-02T10:06:00Z","restored":true,"downtime":"PT6M"}],
               "maintenanceWindows":[{"windowId":"w-1","startsAt":"2026-05-01T02:00:00Z",
                 "endsAt":"2026-05-01T04:00:00Z","reason":"PostgreSQL minor upgrade"}]},
             "errorBudget":{"year":2026,"budget":"PT5M15.288S","spent":"PT6M","remaining":"-PT44.712S",
               "remainingRatio":-0.14,"burnRates":{"5m":0.0,"1h":0.0,"6h":0.0}}}""";

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Test
    void slaPrintsTheAvailabilityTheOutagesTheMaintenanceAndTheBudgetLeft() throws Exception {
        try (StandIn metrics = new StandIn(exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            StandIn.answer(exchange, 200, SLA);
        })) {
            CliRun run = CliRun.of(metrics.args("metrics", "metrics", "sla", "--from", "2026-01-01"));
            assertThat(run.exit()).isZero();
            assertThat(requests).containsExactly("GET /api/metrics/sla?from=2026-01-01");
            assertThat(run.out()).contains("SLA 99.999 % from 2026-01-01T00:00:00Z")
                    .containsPattern("availability\\s+0.9999876").containsPattern("met\\s+false")
                    .containsPattern("remaining\\s+-PT44.712S")
                    .containsPattern("i-7\\s+database-corruption\\s+2026-03-02T10:00:00Z")
                    .containsPattern("w-1\\s+2026-05-01T02:00:00Z\\s+2026-05-01T04:00:00Z\\s+PostgreSQL minor upgrade");
            assertThat(CliRun.of(metrics.args("metrics", "metrics", "sla", "--json")).out().strip())
                    .startsWith("{").contains("\"remainingRatio\" : -0.14");
        }
    }

    @Test
    void maintenanceScheduleSendsTheWindowToIncidentService() throws Exception {
        try (StandIn incidents = new StandIn(exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            StandIn.answer(exchange, 201, "{\"id\":\"w-2\",\"startsAt\":\"2026-12-01T02:00:00Z\","
                    + "\"endsAt\":\"2026-12-01T03:00:00Z\",\"reason\":\"upgrade\",\"scheduledBy\":\"devon\"}");
        })) {
            CliRun run = CliRun.of(incidents.args("incident", "maintenance", "schedule", "--from",
                    "2026-12-01T02:00:00Z", "--to", "2026-12-01T03:00:00Z", "--reason", "upgrade"));
            assertThat(run.exit()).isZero();
            assertThat(requests).containsExactly("POST /api/maintenance-windows "
                    + "{\"startsAt\":\"2026-12-01T02:00:00Z\",\"endsAt\":\"2026-12-01T03:00:00Z\",\"reason\":\"upgrade\"}");
            assertThat(run.out()).containsPattern("scheduledBy\\s+devon");
        }
    }

    @Test
    void reviewListsTheReviewsOverdueFirstAndRecordsOne() throws Exception {
        try (StandIn incidents = new StandIn(exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            StandIn.answer(exchange, 200, exchange.getRequestMethod().equals("GET")
                    ? "[{\"id\":\"monthly-2026-10\",\"kind\":\"MONTHLY\",\"status\":\"OVERDUE\","
                            + "\"dueAt\":\"2026-11-01T00:00:00Z\",\"what\":\"Review DR procedures\"}]"
                    : "{\"id\":\"monthly-2026-10\",\"status\":\"DONE\",\"reviewedBy\":\"carol\"}");
        })) {
            CliRun list = CliRun.of(incidents.args("incident", "review", "list", "--status", "OVERDUE"));
            assertThat(list.exit()).isZero();
            assertThat(list.out()).containsPattern("monthly-2026-10\\s+MONTHLY\\s+OVERDUE\\s+2026-11-01T00:00:00Z");
            assertThat(list.out()).contains("1 overdue: ");
            CliRun record = CliRun.of(incidents.args("incident", "review", "record", "monthly-2026-10", "--changes",
                    "nothing to change", "--plan-changed"));
            assertThat(record.exit()).isZero();
            assertThat(requests).containsExactly("GET /api/reviews?status=OVERDUE ",
                    "POST /api/reviews/monthly-2026-10 {\"planChanged\":true,\"changes\":\"nothing to change\"}");
            assertThat(record.out()).containsPattern("reviewedBy\\s+carol");
        }
    }
}
