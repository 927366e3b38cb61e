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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drcc.engines.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite as an integrator and an operator meet it, started once as {@code ./dr up} runs it: every service's
 * OpenAPI document passes Redocly's recommended rules with no error, every service serves the AsyncAPI document
 * of the contract, the CLI's tables show the ids the API answers, {@code --wait} follows a backup, its verification
 * and a restore to their ends, the operator console walks an incident from sign-in to closed in headless Chromium
 * ({@link ConsoleWalk}), and {@code dr up} stops within seconds of SIGTERM, saying what it waits for.
 */
class IntegratorIT {

    private static final List<String> SERVICES = List.of("incident-service", "backup-service", "notification-service",
            "metrics-service");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SuiteLauncher suite = new SuiteLauncher();
    private Process launcher;

    @Test
    void theSuiteDocumentsItselfAndItsCliShowsAndFollowsWhatTheApiAnswers() throws Exception {
        Path log = dir.resolve("dr-up.log");
        launcher = suite.up(dir.resolve("dr"), log);

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
        check(failures, "stop", () -> stopsWithinSecondsOfSigterm(log));
        assertThat(failures).isEmpty();
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void check(List<String> failures, String what, Check check) {
        try {
            check.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            failures.add(what + ": " + e.getMessage());
        }
    }

    private void stopsWithinSecondsOfSigterm(Path log) throws Exception {
        long start = System.nanoTime();
        launcher.destroy();
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("dr up stops on SIGTERM").isTrue();
        Duration stop = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("dr up stopped in " + stop.toMillis() + " ms:\n" + Files.readString(log));
        // seconds, not the minutes of a hang (each JVM's own shutdown, on a loaded machine, included)
        assertThat(stop).as("dr up stops within seconds of SIGTERM").isLessThan(Duration.ofSeconds(30));
        assertThat(Files.readString(log)).contains("incident-service stopped (", "Kafka stopped (", "PostgreSQL stopped (",
                "Stopped in ");
        assertThat(suite.ports).allMatch(p -> !Ports.inUse(p), "every port is free again after the stop");
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

    private String login() {
        assertThat(Dr.run("login", "--role", "dr-lead", "--name", "ida", "--data-dir", dir.resolve("dr").toString()))
                .isZero();
        return dir.resolve("dr").resolve("token").toString();
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
            if (cells.length > 2 && java.util.Arrays.stream(cells).anyMatch(IntegratorIT::isId)) {
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

    @AfterEach
    void stop() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static CliRun dr(String... args) {
        return CliRun.of(args);
    }
}
