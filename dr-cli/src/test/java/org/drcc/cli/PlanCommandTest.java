package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dr plan check} and {@code dr incident checklist --mine}, against a stand-in incident-service. */
class PlanCommandTest {

    private static final String CHECK = """
            {"consistent": false, "contradictions": [{"rule": "estimate-after-rto", "subject": "ransomware-attack",
             "message": "the estimated recovery of 4-8 hours may take up to 8 h, longer than the RTO of 4 h"}]}""";
    private static final String CHECKLIST = """
            {"incidentId": "i-1", "person": "bob", "roles": ["DATABASE_ADMINISTRATOR"], "phase": "RECOVERY", "items": [
             {"mine": true, "id": "restore-database", "phase": "RECOVERY", "owner": "DATABASE_ADMINISTRATOR",
              "mandatory": false, "state": "OPEN", "text": "Restore database"}]}""";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private StandIn incidentService;

    @BeforeEach
    void start() throws IOException {
        incidentService = new StandIn(exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            StandIn.answer(exchange, 200, exchange.getRequestURI().getPath().endsWith("/check") ? CHECK : CHECKLIST);
        });
    }

    @AfterEach
    void stop() {
        incidentService.close();
    }

    @Test
    void planCheckNamesEachContradictionWhole() {
        CliRun run = CliRun.of(incidentService.args("incident", "plan", "check"));
        assertThat(run.exit()).as("contradictions found").isEqualTo(7);
        assertThat(requests).containsExactly("GET /api/plan/check");
        assertThat(run.out()).contains("estimate-after-rto", "ransomware-attack", "up to 8 h, longer than the RTO of 4 h");
    }

    @Test
    void checklistMineAsksForTheCallersOwnItems() {
        CliRun run = CliRun.of(incidentService.args("incident", "incident", "checklist", "i-1", "--mine"));
        assertThat(run.exit()).isZero();
        assertThat(requests).containsExactly("GET /api/incidents/i-1/checklist?mine=true");
        assertThat(run.out()).contains("your roles: [\"DATABASE_ADMINISTRATOR\"]").contains("restore-database");
    }
}
