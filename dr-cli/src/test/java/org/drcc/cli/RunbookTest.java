package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dr plan runbook}: a scenario's runbook from a stand-in incident-service and notification-service, written
 * whole to a file to keep off-site.
 */
class RunbookTest {

    private static final String SCENARIO = """
            {"id": "regional-disaster", "name": "Regional Disaster", "severity": "CRITICAL", "probability": "VERY_LOW",
             "rto": "PT24H", "rpo": "PT4H", "estimatedRecovery": "12-24 hours",
             "symptoms": ["Entire region unavailable"], "recoverySteps": ["Activate cross-region DR site", "Update global DNS"],
             "checklist": [
              {"id": "infra-dr-site-activated", "phase": "RECOVERY", "text": "DR site activated", "mandatory": true,
               "owner": "DEVOPS_ENGINEER", "deed": null},
              {"id": "incident-declared", "phase": "DETECTION", "text": "Incident declared", "mandatory": true,
               "owner": "DR_TEAM_LEAD", "deed": "INCIDENT_DECLARED"}]}""";
    private static final String PHASES = """
            [{"phase": "DETECTION", "window": {"from": "PT0S", "until": "PT15M"}, "actions": []},
             {"phase": "RECOVERY", "window": {"from": "PT1H", "until": null}, "actions": []},
             {"phase": "POST_RECOVERY", "window": null, "actions": []}]""";
    private static final String ROLES = """
            [{"role": "DR_TEAM_LEAD", "title": "DR Team Lead",
              "responsibilities": [{"id": "lead-declare", "phase": "DETECTION", "text": "Declare the incident"}]}]""";
    private static final String PLAN = """
            {"tiers": [{"id": "immediate", "deadline": "PT15M", "audiences": [
               {"name": "DR Team Lead", "severities": [], "scenarios": [],
                "contacts": [{"name": "dana", "channel": "email", "shownAs": "dana@foodtruck.example"}]},
               {"name": "Legal", "severities": [], "scenarios": ["ransomware-attack"], "contacts": []},
               {"name": "Board", "severities": ["CRITICAL"], "scenarios": [], "contacts": []}]}],
             "escalation": {"tier": "immediate", "after": "PT15M"}, "warnings": []}""";

    @TempDir
    Path dir;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private StandIn services;

    @BeforeEach
    void start() throws IOException {
        services = new StandIn(exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            switch (path) {
                case "/api/scenarios/regional-disaster" -> StandIn.answer(exchange, 200, SCENARIO);
                case "/api/plan/phases" -> StandIn.answer(exchange, 200, PHASES);
                case "/api/plan/roles" -> StandIn.answer(exchange, 200, ROLES);
                case "/api/plan" -> StandIn.answer(exchange, 200, PLAN);
                default -> StandIn.answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"no scenario has id 'meteor-strike'\"}");
            }
        });
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void aScenariosRunbookIsWrittenWholeWithItsChecklistByPhaseItsRolesAndWhoIsToldByWhen() throws IOException {
        Path file = dir.resolve("regional-disaster.md");
        CliRun run = CliRun.of(args("plan", "runbook", "--scenario", "regional-disaster", "-o", file.toString()));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("written to " + file);
        assertThat(dir.resolve("regional-disaster.md.part")).doesNotExist();
        String page = Files.readString(file);
        assertThat(page).contains("# DR runbook: Regional Disaster (`regional-disaster`)",
                "| CRITICAL | VERY_LOW | PT24H | PT4H | 12-24 hours |", "1. Activate cross-region DR site",
                "### DETECTION (PT0S to PT15M)", "- [ ] Incident declared **(mandatory)** — DR_TEAM_LEAD",
                "### RECOVERY (PT1H to open-ended)", "- [ ] DR site activated **(mandatory)** — DEVOPS_ENGINEER",
                "### POST_RECOVERY (ongoing)", "**DR Team Lead** (`DR_TEAM_LEAD`): Declare the incident (DETECTION)",
                "### immediate (within PT15M)", "**DR Team Lead**: dana (email: dana@foodtruck.example)",
                "**Board** (if the severity is CRITICAL): no contact in the plan",
                "Escalation: when nobody acknowledged the `immediate` tier's messages within PT15M.");
        assertThat(page).as("the DETECTION items before the RECOVERY ones")
                .containsSubsequence("### DETECTION", "Incident declared", "### RECOVERY", "DR site activated");
        assertThat(page).as("an audience of another scenario only").doesNotContain("Legal");
    }

    @Test
    void anUnknownScenarioIsRefusedWithTheServicesWordsAndNoFileIsLeft() {
        Path file = dir.resolve("meteor.md");
        CliRun run = CliRun.of(args("plan", "runbook", "--scenario", "meteor-strike", "-o", file.toString()));
        assertThat(run.exit()).isEqualTo(CliException.REFUSED);
        assertThat(run.err()).contains("no scenario has id 'meteor-strike'");
        assertThat(file).doesNotExist();
        assertThat(CliRun.of(args("plan", "runbook", "--scenario", "../etc")).exit()).isEqualTo(CliException.USAGE);
    }

    private String[] args(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 6);
        System.arraycopy(new String[] {"--incident-url", services.url(), "--notification-url", services.url(),
                "--token", "t0ken"}, 0, all, args.length, 6);
        return all;
    }
}
