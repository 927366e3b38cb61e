package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drcc.engines.Ports;
import org.drcc.testsupport.DatabaseFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite as an operator and an integrator meet it, on one start of {@code ./dr up} (a start costs the most of any
 * step here): every automated drill, run as an operator runs it ({@code dr drill run <scenario>}), passes with its
 * RTO and RPO measured within the plan's targets, its incident recorded as a drill and closed, its report in S3, no
 * scratch database left, and the protected {@code foodtruck} database exactly as it was; the application drills
 * run on the two instances of the demo application {@code dr up} starts (a bad release caught and rolled back, and a
 * failover). Every service's OpenAPI document passes Redocly's recommended rules with no error, every service serves
 * the AsyncAPI document of the contract, the CLI's tables show the ids the API answers, {@code --wait} follows a
 * backup, its verification and a restore to their ends, the operator console walks an incident from sign-in to
 * closed in headless Chromium ({@link ConsoleWalk}). The suite runs two instances of each service
 * ({@code --instances 2}): the operator's calls go to the first, and the drills run once across both; after every other
 * test, the second instance of each service is killed mid-burst of declarations ({@link ScaleOut}); and last,
 * {@code dr up} stops within seconds of SIGTERM, saying what it waits for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorIT {

    private static final List<String> SERVICES = List.of("incident-service", "backup-service", "notification-service",
            "metrics-service");
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
        launcher = suite.up(dir.resolve("dr"), dir.resolve("dr-up.log"), 2);
        assertThat(Dr.run("login", "--role", "dr-lead", "--name", "erin", "--data-dir", dir.resolve("dr").toString()))
                .as("dr login").isZero();
    }

    /** Last, once every test ran on the suite: {@code dr up} stops within seconds of SIGTERM, saying what it waits for. */
    @AfterAll
    void stopsWithinSecondsOfSigterm() throws Exception {
        if (launcher == null) {
            return;
        }
        Path log = dir.resolve("dr-up.log");
        long start = System.nanoTime();
        launcher.destroy();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            throw new AssertionError("dr up did not stop within 60 s of SIGTERM:\n" + Files.readString(log));
        }
        Duration stop = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("dr up stopped in " + stop.toMillis() + " ms:\n" + Files.readString(log));
        // seconds, not the minutes of a hang (each JVM's own shutdown, on a loaded machine, included)
        assertThat(stop).as("dr up stops within seconds of SIGTERM").isLessThan(Duration.ofSeconds(30));
        assertThat(Files.readString(log)).contains("incident-service stopped (", "Kafka stopped (", "PostgreSQL stopped (",
                "Stopped in ");
        assertThat(suite.ports).allMatch(p -> !Ports.inUse(p), "every port is free again after the stop");
    }

    /** After the other tests (unordered ones come before): it kills the second instance of each service. */
    @Test
    @Order(Integer.MAX_VALUE)
    void oneInstanceOfEachServiceKilledMidBurstLosesNothingAndDoesNothingTwice() throws Exception {
        new ScaleOut(suite, dir.resolve("dr")).oneInstanceOfEachServiceKilledMidBurstLosesNothingAndDoesNothingTwice();
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
            if (scenario.equals("data-center-failure")) {
                // restored at the DR site from the tertiary tier, whose catalogue alone would know the backup again
                assertThat(run.out()).contains("ok     off-site catalogue checked");
            }
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

    private Map<String, String> fingerprint(String database) throws Exception {
        try (Connection c = connect(database)) {
            return DatabaseFingerprint.of(c);
        }
    }

    private List<String> databases() throws Exception {
        try (Connection c = connect("postgres")) {
            return DatabaseFingerprint.databases(c);
        }
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

    @Test
    void theSuiteDocumentsItselfAndItsCliShowsAndFollowsWhatTheApiAnswers() throws Exception {
        // each check runs even when one before it failed: the suite takes minutes to start, every finding counts
        List<String> failures = new ArrayList<>();
        check(failures, "OpenAPI", this::lintEveryOpenApiDocument);
        check(failures, "AsyncAPI", this::everyServiceServesTheAsyncApiDocument);
        String tokenFile = login();
        check(failures, "list and show", () -> everyListAndShowCommandShowsItsIds(tokenFile));
        check(failures, "--wait", () -> waitFollowsABackupItsVerificationAndARestore(tokenFile));
        // after the verified backup above: the console's restore step offers it
        check(failures, "console", () -> {
            try (ConsoleWalk walk = new ConsoleWalk(suite.url(8), suite.url(0), suite.url(2),
                    Files.readString(Path.of(tokenFile)).strip())) {
                walk.walk();
            }
        });
        assertThat(failures).isEmpty();
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void check(List<String> failures, String what, Check check) {
        long start = System.nanoTime();
        try {
            check.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            failures.add(what + ": " + e.getMessage());
        } finally {
            System.out.printf("check %s: %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void lintEveryOpenApiDocument() throws Exception {
        List<String> files = new ArrayList<>();
        List<JsonNode> docs = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            JsonNode doc = get(suite.url(i) + "/v3/api-docs");
            Path file = dir.resolve(SERVICES.get(i) + ".openapi.json");
            Files.writeString(file, doc.toPrettyString());
            files.add(file.toString());
            docs.add(doc);
        }
        redoclyFindsNoError(files);
        for (int i = 0; i < SERVICES.size(); i++) {
            JsonNode doc = docs.get(i);
            assertThat(doc.at("/info/title").asText()).isEqualTo("DR command centre: " + SERVICES.get(i));
            assertThat(doc.at("/info/version").asText()).as("the build's version").isEqualTo("0.1.0-SNAPSHOT");
            assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        }
        JsonNode backUp = docs.get(1).at("/paths/~1api~1backups/post");
        assertThat(backUp.get("responses").fieldNames()).toIterable().contains("202", "400", "401", "403", "409",
                "413", "429", "503");
    }

    private void redoclyFindsNoError(List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("redocly", "lint", "--extends", "recommended", "--format", "json"));
        command.addAll(files);
        Process lint;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("redocly.err").toFile());
            builder.environment().putAll(Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"));
            lint = builder.start();
        } catch (java.io.IOException notInstalled) {
            // .ci/run installs it (npm install -g @redocly/cli); without it the documents are only checked above
            System.out.println("SKIPPED the OpenAPI lint: redocly is not on the PATH (npm install -g @redocly/cli)");
            return;
        }
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        JsonNode result = json.readTree(report);
        List<String> errors = new ArrayList<>();
        result.path("problems").forEach(p -> {
            if ("error".equals(p.path("severity").asText())) {
                errors.add(p.path("ruleId").asText() + " " + p.path("location").path(0).path("source").path("ref").asText()
                        + p.path("location").path(0).path("pointer").asText() + ": " + p.path("message").asText());
            }
        });
        System.out.println("Redocly recommended: " + result.path("totals"));
        assertThat(errors).as("Redocly's recommended rules").isEmpty();
    }

    private void everyServiceServesTheAsyncApiDocument() throws Exception {
        JsonNode published = json.readTree(Path.of("..", "docs", "asyncapi.json").toFile());
        for (int i = 0; i < SERVICES.size(); i++) {
            JsonNode served = get(suite.url(i) + "/asyncapi.json");
            assertThat(served.get("asyncapi").asText()).isEqualTo("3.0.0");
            assertThat(served.get("channels")).as(SERVICES.get(i) + " serves the published channels")
                    .isEqualTo(published.get("channels"));
            assertThat(served.get("components")).isEqualTo(published.get("components"));
        }
    }

    private String login() throws Exception {
        return tokenFileOf("ida");
    }

    private void everyListAndShowCommandShowsItsIds(String tokenFile) throws Exception {
        CliRun declared = dr("incident", "declare", "--scenario", "database-corruption", "--title", "For the tables",
                "--incident-url", suite.url(0), "--token-file", tokenFile);
        assertThat(declared.exit()).as(declared.err()).isZero();
        String incident = declared.out().lines().filter(l -> l.startsWith("id ")).findFirst().orElseThrow()
                .substring(3).strip();
        for (List<String> command : List.of(
                List.of("incident", "list", "--incident-url", suite.url(0)),
                List.of("incident", "show", incident, "--checklist", "--incident-url", suite.url(0)),
                List.of("backup", "list", "--backup-url", suite.url(1)),
                List.of("drill", "results", "--backup-url", suite.url(1)))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--token-file", tokenFile));
            CliRun result = dr(args.toArray(String[]::new));
            assertThat(result.exit()).as(command + ": " + result.err()).isZero();
            assertThat(emptyIds(result.out())).as(command + " printed:%n" + result.out()).isEmpty();
        }
    }

    private void waitFollowsABackupItsVerificationAndARestore(String tokenFile) {
        CliRun now = dr("backup", "now", "--wait", "--backup-url", suite.url(1), "--token-file", tokenFile);
        assertThat(now.exit()).as(now.out() + now.err()).isZero();
        assertThat(now.out()).containsPattern("\\[\\d\\d:\\d\\d\\] COMPLETED +backup ").containsPattern("\\d+\\.\\d (KB|MB)");
        String backup = now.out().lines().filter(l -> l.startsWith("backupId ")).findFirst().orElseThrow()
                .substring("backupId".length()).strip();
        assertThat(emptyIds(now.out())).isEmpty();

        CliRun verify = dr("backup", "verify", backup, "--wait", "--backup-url", suite.url(1), "--token-file", tokenFile);
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).containsPattern("\\] VERIFIED +verification of backup " + backup);

        CliRun restore = dr("backup", "restore", backup, "--target-database", "foodtruck_integrator", "--wait",
                "--backup-url", suite.url(1), "--token-file", tokenFile);
        assertThat(restore.exit()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).containsPattern("\\] RESTORED +restore .* of backup " + backup + " into foodtruck_integrator");

        CliRun show = dr("backup", "show", backup, "--backup-url", suite.url(1), "--token-file", tokenFile);
        assertThat(show.out()).contains("\"backupId\" : \"" + backup + "\"", "\"verification\" : \"VERIFIED\"", "RESTORED");
    }

    /** The id fields (a record's lines) and id columns (a table's rows) the CLI printed as "-", empty. */
    static List<String> emptyIds(String printed) {
        List<String> empty = new ArrayList<>();
        List<String> lines = printed.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).trim().split("\\s{2,}");
            if (cells.length == 2 && isId(cells[0]) && cells[1].equals("-")) {
                empty.add(lines.get(i));
            }
            if (cells.length > 2 && java.util.Arrays.stream(cells).anyMatch(OperatorIT::isId)) {
                // a table's header: its rows follow until a blank line or the "(n of m)" footer
                for (int r = i + 1; r < lines.size() && !lines.get(r).isBlank() && !lines.get(r).startsWith("("); r++) {
                    String[] row = lines.get(r).trim().split("\\s{2,}");
                    for (int c = 0; c < cells.length && c < row.length; c++) {
                        if (isId(cells[c]) && row[c].equals("-")) {
                            empty.add(cells[c] + ": " + lines.get(r));
                        }
                    }
                }
            }
        }
        return empty;
    }

    private static boolean isId(String name) {
        return name.equals("id") || name.matches("[a-z]+Id");
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
