package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drcc.engines.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every automated drill, run as an operator runs it: {@code ./dr up}, then {@code dr drill run <scenario>} for
 * each scenario, on one start of the suite. Each drill passes with its RTO and RPO measured within the plan's
 * targets, its incident is recorded as a drill and closed, its report is in S3, no scratch database is left,
 * and the protected {@code foodtruck} database is exactly as it was. The application drills run on the two instances
 * of the demo application {@code dr up} starts: a bad release caught and rolled back, and a failover.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillIT {

    private static final List<String> SCENARIOS = List.of("database-corruption", "accidental-data-deletion",
            "ransomware-attack", "data-center-failure");

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SuiteLauncher suite = new SuiteLauncher();
    private final List<Integer> ports = suite.ports;
    private Process launcher;

    @BeforeAll
    void up() throws Exception {
        suite.appInstances = 2;
        launcher = suite.up(dir.resolve("dr"), dir.resolve("dr-up.log"));
        assertThat(Dr.run("login", "--role", "dr-lead", "--name", "erin", "--data-dir", dir.resolve("dr").toString()))
                .as("dr login").isZero();
    }

    @AfterAll
    void down() throws Exception {
        if (launcher != null) {
            launcher.destroy();
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    @Test
    void everyAutomatedDrillPassesOnScratchCopiesAndLeavesFoodtruckUntouched() throws Exception {
        Map<String, String> before = fingerprint("foodtruck");

        for (String scenario : SCENARIOS) {
            CliRun run = dr("drill", "run", scenario, "--backup-url", backup(), "--token-file", tokenFile());
            System.out.println(run.out());
            assertThat(run.exit()).as(scenario + " exit code; output:%n%s%s", run.out(), run.err()).isZero();
            assertThat(run.out()).contains("ok     damage done", "ok     database restored",
                    "ok     data verified against the manifest", "ok     incident closed", "PASSED");
        }

        // the random-moment drill: orders amid a corruption at a random moment, repaired to the instant before it
        CliRun pitr = dr("drill", "run", "point-in-time-recovery", "--backup-url", backup(), "--token-file", tokenFile());
        System.out.println(pitr.out());
        assertThat(pitr.exit()).as("point-in-time-recovery exit code; output:%n%s%s", pitr.out(), pitr.err()).isZero();
        assertThat(pitr.out()).contains("ok     damage done at a random moment", "ok     restored to the instant",
                "ok     orders checked", "no committed row lost", "ok     application checks", "PASSED");

        List<JsonNode> all = new ArrayList<>();
        get(backup() + "/api/drills").forEach(all::add);
        List<JsonNode> drills = new ArrayList<>();
        all.forEach(d -> {
            if (SCENARIOS.contains(d.get("scenario").asText())) {
                drills.add(d); // the application drills of the other test may have run first
            }
        });
        assertThat(drills).hasSize(SCENARIOS.size());
        for (JsonNode drill : drills) {
            String scenario = drill.get("scenario").asText();
            if (!SCENARIOS.contains(scenario)) {
                continue;
            }
            assertThat(drill.get("status").asText()).as(scenario).isEqualTo("PASSED");
            Duration rto = Duration.parse(drill.get("rto").asText());
            Duration rpo = Duration.parse(drill.get("rpo").asText());
            assertThat(rto).as(scenario + " RTO").isPositive().isLessThanOrEqualTo(Duration.parse(drill.get("rtoTarget").asText()));
            assertThat(rpo).as(scenario + " RPO").isPositive().isLessThanOrEqualTo(Duration.parse(drill.get("rpoTarget").asText()));

            JsonNode incident = get(incident() + "/api/incidents/" + drill.get("incidentId").asText());
            assertThat(incident.get("drill").asBoolean()).as(scenario + " incident is a drill").isTrue();
            assertThat(incident.get("status").asText()).as(scenario + " incident").isEqualTo("CLOSED");
            assertThat(incident.get("restore").get("backupId").asText()).isEqualTo(drill.get("backupId").asText());
            for (JsonNode item : incident.get("checklist")) {
                if (List.of("database-restored", "data-verified").contains(item.get("id").asText())) {
                    assertThat(item.get("state").asText()).as(scenario + ": the plan's item for the drill's deed "
                            + item.get("id") + " is ticked, not waived").isEqualTo("DONE");
                }
            }

            String report = text(backup() + "/api/drills/" + drill.get("drillId").asText() + "/report");
            assertThat(report).as(scenario + " report").contains("# DR drill " + scenario + ": PASSED",
                    "| RTO (declared to restored) | " + rto + " | ", "database restored", drill.get("incidentId").asText());
            // read again: the report can be served a moment before the drill's view records where it was stored
            // (GET /api/drills/{id} answers {"drill": the summary, "steps": [...]})
            JsonNode stored = get(backup() + "/api/drills/" + drill.get("drillId").asText()).path("drill");
            for (int i = 0; i < 60 && !stored.hasNonNull("reportRetainUntil"); i++) {
                Thread.sleep(500);
                stored = get(backup() + "/api/drills/" + drill.get("drillId").asText()).path("drill");
            }
            assertThat(Duration.between(java.time.Instant.parse(stored.get("finishedAt").asText()),
                    java.time.Instant.parse(stored.get("reportRetainUntil").asText()))).as("the report is kept two years")
                    .isGreaterThanOrEqualTo(Duration.ofDays(729));
        }
        JsonNode deletion = get(backup() + "/api/drills/" + id(drills, "accidental-data-deletion"));
        assertThat(step(deletion, "database restored")).contains("only the affected tables", "order_line", "staff_shift")
                .doesNotContain("customer,");
        JsonNode random = get(backup() + "/api/drills/" + id(all, "point-in-time-recovery"));
        assertThat(random.path("drill").path("status").asText()).isEqualTo("PASSED");
        // orders are committed every 10 ms: seconds at most, unless the writer itself stalled on this loaded machine;
        // 0 when the damage came within the millisecond after a commit (the RPO is kept in milliseconds), never less:
        // the restore stops before the damage
        assertThat(Duration.parse(random.path("drill").path("rpo").asText())).as("RPO: damage back to the last commit "
                + "replayed").isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(5));
        assertThat(step(random, "restored to the instant")).contains("asked ", "reached ", "rows counted alike");
        assertThat(text(backup() + "/api/drills/" + id(all, "point-in-time-recovery") + "/report"))
                .contains("# DR drill point-in-time-recovery: PASSED", "orders checked", "damage done at a random moment");
        JsonNode site = get(backup() + "/api/drills/" + id(drills, "data-center-failure"));
        assertThat(step(site, "database restored")).contains("dr-backups-tertiary", "the DR site");

        assertThat(fingerprint("foodtruck")).as("the protected database is untouched").isEqualTo(before);
        assertThat(databases()).as("no scratch database is left").noneMatch(d -> d.startsWith("drill_"));

        CliRun results = dr("drill", "results", "--backup-url", backup(), "--token-file", tokenFile());
        assertThat(results.exit()).isZero();
        assertThat(results.out()).contains("database-corruption", "PASSED");
        CliRun schedule = dr("drill", "schedule", "--backup-url", backup(), "--token-file", tokenFile());
        assertThat(schedule.exit()).isZero();
        assertThat(schedule.out()).contains("weekly-backup-verification", "monthly-full-drill", "quarterly-cross-region",
                "annual-complete-exercise");
    }

    @Test
    void anUnknownScenarioOrAnUnreachableServiceIsNamedAndExitsNonZero() throws Exception {
        CliRun unknown = dr("drill", "run", "meteor-strike", "--backup-url", backup(), "--token-file", tokenFileOf("grace"));
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("meteor-strike", "database-corruption", "ransomware-attack");
        CliRun unreachable = dr("drill", "run", "database-corruption", "--backup-url", "http://127.0.0.1:" + Ports.free(), "--token-file", tokenFile());
        assertThat(unreachable.exit()).isEqualTo(3);
        assertThat(unreachable.err()).contains("backup-service is not reachable");
    }

    private static CliRun dr(String... args) {
        return CliRun.of(args);
    }

    /** Per table: row count and md5 of its rows in order, as the backup manifests count them. */
    private Map<String, String> fingerprint(String database) throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection c = connect(database)) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg("
                        + "md5(t::text), '' ORDER BY md5(t::text)), '')) FROM " + table + " t")) {
                    rs.next();
                    tables.put(table, rs.getString(1));
                }
            }
        }
        assertThat(tables).isNotEmpty();
        return tables;
    }

    private List<String> databases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + ports.get(4) + "/" + database, "postgres", "");
    }

    @Test
    void aBadReleaseIsCaughtAndRolledBackAndASecondInstanceTakesOverWhileTheFirstIsStopped() throws Exception {
        String app = "http://127.0.0.1:" + ports.get(9);
        assertThat(get(app + "/api/release").get("running").asText()).isEqualTo("1.0.0");

        String frank = tokenFileOf("frank");
        CliRun bad = dr("drill", "run", "application-code-corruption", "--backup-url", backup(), "--token-file", frank);
        System.out.println(bad.out());
        assertThat(bad.exit()).as("exit code; output:%n%s%s", bad.out(), bad.err()).isZero();
        assertThat(bad.out()).contains("ok     bad release deployed", "ok     bad release detected",
                "caught by the functional check alone (health still UP)", "ok     rolled back",
                "ok     application validated", "RTO (bad release -> validated)", "PASSED");
        JsonNode release = get(app + "/api/release");
        assertThat(release.get("running").asText()).as("the good release runs again").isEqualTo("1.0.0");
        assertThat(release.get("deployments").toString()).contains("1.2.0-broken", "\"rollback\":true", "dr-drill");

        CliRun failover = dr("drill", "run", "application-failover", "--backup-url", backup(), "--token-file", frank);
        System.out.println(failover.out());
        assertThat(failover.exit()).as("exit code; output:%n%s%s", failover.out(), failover.err()).isZero();
        assertThat(failover.out()).contains("ok     instance 1 stopped", "ok     instance 2 took over",
                "127.0.0.1:" + (ports.get(9) + suite.portStep), "ok     instance 1 restarted", "PASSED");
        assertThat(java.nio.file.Files.readString(dir.resolve("dr-up.log")))
                .as("dr up started the stopped instance again").contains("demo-app exited: starting it again");

        for (String scenario : List.of("application-code-corruption", "application-failover")) {
            JsonNode drill = get(backup() + "/api/drills?scenario=" + scenario).get(0);
            assertThat(drill.get("status").asText()).as(scenario).isEqualTo("PASSED");
            Duration rto = Duration.parse(drill.get("rto").asText());
            assertThat(rto).as(scenario).isPositive()
                    .isLessThanOrEqualTo(Duration.parse(drill.get("rtoTarget").asText()));
            String report = text(backup() + "/api/drills/" + drill.get("drillId").asText() + "/report");
            assertThat(report).as(scenario + " report").contains("# DR drill " + scenario + ": PASSED");
            if (scenario.equals("application-code-corruption")) {
                assertThat(drill.get("rtoTarget").asText()).as("the plan's RTO of scenario 6").isEqualTo("PT2H");
                assertThat(report).contains("| RTO (bad release deployed to validated rollback) | " + rto + " | PT2H | yes |",
                        "| Time to detect (deployed to caught by a check) | PT", "| Time to roll back (caught to validated) | PT");
            } else {
                assertThat(report).contains("| Failover (instance 1 stopped to instance 2 serving) | " + rto + " | ");
            }
        }
    }

    private static String id(List<JsonNode> drills, String scenario) {
        for (JsonNode d : drills) {
            if (scenario.equals(d.get("scenario").asText())) {
                return d.get("drillId").asText();
            }
        }
        throw new AssertionError("no drill of " + scenario);
    }

    private static String step(JsonNode view, String name) {
        for (JsonNode s : view.get("steps")) {
            if (name.equals(s.get("step").asText())) {
                return s.get("detail").asText();
            }
        }
        throw new AssertionError("no step " + name + " in " + view);
    }

    private JsonNode get(String url) throws Exception {
        return json.readTree(text(url));
    }

    private String text(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + new org.drcc.engines.LocalTokens(
                                org.drcc.engines.LocalSigningKey.in(dir.resolve("dr").resolve("keys")))
                                .issue("drill-it", List.of("viewer"), Duration.ofMinutes(5))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String tokenFile() {
        return dir.resolve("dr").resolve("token").toString();
    }

    /**
     * The token of another DR lead, signed by the same local key: starting drills is limited to 5 a minute for each
     * caller, and one test starts five, so the other tests start theirs as other people.
     */
    private static String tokenFileOf(String name) throws Exception {
        Path own = java.nio.file.Files.createDirectories(dir.resolve(name));
        if (!java.nio.file.Files.exists(own.resolve("keys"))) {
            java.nio.file.Files.createSymbolicLink(own.resolve("keys"), dir.resolve("dr").resolve("keys"));
        }
        assertThat(Dr.run("login", "--role", "dr-lead", "--name", name, "--data-dir", own.toString())).as("dr login " + name)
                .isZero();
        return own.resolve("token").toString();
    }

    private String incident() {
        return "http://127.0.0.1:" + ports.get(0);
    }

    private String backup() {
        return "http://127.0.0.1:" + ports.get(1);
    }
}
