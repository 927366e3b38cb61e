package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drcc.contract.Topics;
import org.drcc.engines.Ports;
import org.drcc.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite as {@code ./dr up} runs it: real engines, the four service jars as their own JVMs.
 * A declared incident reaches every downstream service; after a kill -9 of the whole process tree
 * and a restart, the incident is still there and no service acts on it twice.
 */
class SuiteIT {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private static final String CORRELATION_ID = "suite-it-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();
    private final SuiteLauncher suite = new SuiteLauncher();
    private final List<Integer> ports = suite.ports;
    private Process launcher;

    @Test
    void anIncidentSurvivesAKillOfEverythingAndIsActedOnOnce() throws Exception {
        launcher = up("first");
        String id = declare();

        long start = System.nanoTime();
        await(() -> get(backup() + "/api/holds/" + id) != null
                && get(notification() + "/api/incidents/" + id + "/notifications").size() > 0
                && contains(get(metrics() + "/api/metrics/incidents"), id), Duration.ofSeconds(30));
        System.out.printf("The declaration reached all three downstream services in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        int notifications = get(notification() + "/api/incidents/" + id + "/notifications").size();
        everyMetricTheOperationsAlertsUseIsReported();
        theRequestsCorrelationIdFollowsItsWorkThroughKafkaIntoTheConsumersLog(id);

        killTree(launcher);
        launcher = up("after-kill");
        everyServiceRunsOnTheStartupArchiveAnEarlierStartTook();

        assertThat(get(incident() + "/api/incidents/" + id).get("status").asText()).isEqualTo("DECLARED");
        try (TestEvents events = new TestEvents("127.0.0.1:" + ports.get(5))) {
            for (String group : List.of("backup-service", "notification-service", "metrics-service")) {
                events.awaitConsumed(group, Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
            }
        }
        assertThat(get(backup() + "/api/holds")).hasSize(1);
        assertThat(get(notification() + "/api/incidents/" + id + "/notifications")).hasSize(notifications);
        assertThat(get(metrics() + "/api/metrics/counts").get("incidents").asInt()).isEqualTo(1);

        String tokenFile = dir.resolve("dr").resolve("token").toString();
        assertThat(Dr.run("incident", "list", "--incident-url", incident(), "--token-file", tokenFile))
                .as("not signed in").isEqualTo(1);
        assertThat(Dr.run("login", "--role", "viewer", "--name", "erin", "--data-dir", dir.resolve("dr").toString()))
                .isZero();
        assertThat(Dr.run("incident", "declare", "--scenario", "data-center-failure", "--title", "Not a lead",
                "--incident-url", incident(), "--token-file", tokenFile)).as("a viewer may not declare").isEqualTo(1);
        assertThat(Dr.run("login", "--role", "dr-lead", "--name", "erin", "--data-dir", dir.resolve("dr").toString()))
                .isZero();
        assertThat(Dr.run("incident", "declare", "--scenario", "data-center-failure", "--title", "From the CLI",
                "--incident-url", incident(), "--token-file", tokenFile)).as("dr incident declare").isZero();
        assertThat(Dr.run("incident", "show", "no-such-incident", "--incident-url", incident(), "--token-file", tokenFile))
                .as("unknown").isEqualTo(1);
        assertThat(Dr.run("incident", "list", "--status", "DECLARED", "--incident-url", incident(),
                "--token-file", tokenFile)).isZero();
        // the declaration's three events (declared, checklist, phase windows) in the audit log before anything reads
        // or erases it: its projection is a tracking processor, and this machine runs the whole suite twice over
        await(() -> get(incident() + "/api/audit/events?actor=erin").path("total").asInt() >= 3, Duration.ofSeconds(60));
        assertThat(Dr.run("audit", "verify", "--incident-url", incident(), "--backup-url", backup(),
                "--notification-url", notification(), "--token-file", tokenFile))
                .as("dr audit verify").isZero();
        Path pack = dir.resolve("evidence.zip");
        assertThat(Dr.run("audit", "evidence", "--from", java.time.Instant.now().minus(Duration.ofHours(1)).toString(),
                "--to", java.time.Instant.now().plusSeconds(60).toString(), "-o", pack.toString(), "--incident-url", incident(),
                "--token-file", tokenFile))
                .as("dr audit evidence").isZero();
        try (var zip = new java.util.zip.ZipFile(pack.toFile())) {
            assertThat(zip.getEntry("manifest.json.sig")).as("a signed evidence pack").isNotNull();
        }

        // GDPR: erin is forgotten in every service at once, under four eyes; the trails and the archive still verify
        assertThat(Dr.run("privacy", "forget", "erin", "--reason", "GDPR request 7", "--incident-url", incident(),
                "--token-file", tokenFile)).as("a dr lead may not erase").isEqualTo(1);
        assertThat(Dr.run("login", "--role", "security", "--name", "sam", "--data-dir", dir.resolve("dr").toString()))
                .isZero();
        String erasureId = printed(() -> assertThat(Dr.run("privacy", "forget", "erin", "--reason", "GDPR request 7",
                "--incident-url", incident(), "--token-file", tokenFile, "--json")).as("dr privacy forget").isZero())
                .replaceAll("(?s).*\"erasureId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(get(incident() + "/api/audit/events?actor=erin").get("items")).as("only requested").isNotEmpty();
        assertThat(Dr.run("privacy", "confirm", erasureId, "erin", "--incident-url", incident(),
                "--backup-url", backup(), "--notification-url", notification(), "--metrics-url", metrics(),
                "--token-file", tokenFile)).as("the requester may not confirm").isEqualTo(1);
        assertThat(Dr.run("login", "--role", "security", "--name", "tess", "--data-dir", dir.resolve("dr").toString()))
                .isZero();
        assertThat(Dr.run("privacy", "confirm", erasureId, "erin", "--incident-url", incident(),
                "--backup-url", backup(), "--notification-url", notification(), "--metrics-url", metrics(),
                "--token-file", tokenFile)).as("dr privacy confirm").isZero();
        assertThat(get(incident() + "/api/audit/events?actor=erin").get("items")).isEmpty();
        assertThat(get(incident() + "/api/audit/events?actor=%5Bforgotten%5D").get("items")).isNotEmpty();
        assertThat(Dr.run("audit", "verify", "--incident-url", incident(), "--backup-url", backup(),
                "--notification-url", notification(), "--token-file", tokenFile))
                .as("dr audit verify after the erasure").isZero();

        launcher.destroy();
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("dr up stops on SIGTERM").isTrue();
        assertThat(ports).allMatch(p -> !Ports.inUse(p), "every port is free again after the stop");
    }

    private static String printed(Runnable command) {
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            launcher.waitFor(90, TimeUnit.SECONDS);
        }
        killTree(launcher);
    }

    private Process up(String run) throws Exception {
        return suite.up(dir.resolve("dr"), dir.resolve("dr-up-" + run + ".log"));
    }

    /**
     * A start after the first since the build (this test's second, at the latest) maps each service's startup
     * archive: the JVM is started on it and has the file mapped ({@code /proc/<pid>/maps}).
     */
    private void everyServiceRunsOnTheStartupArchiveAnEarlierStartTook() throws Exception {
        List<String> services = List.of("incident-service", "backup-service", "notification-service", "metrics-service");
        for (int i = 0; i < services.size(); i++) {
            String service = services.get(i);
            Path archive = Path.of("..", service, "target", "cds", service + ".jsa").toAbsolutePath().normalize();
            assertThat(archive).as(service + "'s archive, taken by the first start after the build").isRegularFile();
            String port = "--server.port=" + ports.get(i);
            ProcessHandle jvm = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                    .filter(c -> c.contains(service + ".jar") && c.contains(port)).isPresent()).findFirst().orElseThrow();
            assertThat(jvm.info().commandLine().orElseThrow()).contains("-XX:SharedArchiveFile=" + archive);
            assertThat(java.nio.file.Files.readString(Path.of("/proc", Long.toString(jvm.pid()), "maps")))
                    .as(service + " has its archive mapped").contains(archive.toString());
        }
    }

    /** As {@code kill -9} of the process tree: no shutdown hook runs, the postmaster is orphaned. */
    private static void killTree(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        tree.forEach(p -> p.onExit().join());
        process.onExit().join();
    }

    /** A rule on a metric no service reports never fires: each one in operations-alerts.yml is scraped somewhere. */
    private void everyMetricTheOperationsAlertsUseIsReported() throws Exception {
        String rules = java.nio.file.Files.readString(Path.of("..", "deploy", "prometheus", "operations-alerts.yml"));
        List<String> used = java.util.regex.Pattern.compile("\\b(?:dr|kafka)_[a-z_]+").matcher(rules).results()
                .map(java.util.regex.MatchResult::group).distinct().toList();
        StringBuilder scraped = new StringBuilder();
        for (String service : List.of(incident(), backup(), notification(), metrics())) {
            scraped.append(http.send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(scraped.toString())
                .as("no service reports %s, which deploy/prometheus/operations-alerts.yml alerts on", name)
                .containsAnyOf("\n" + name + "{", "\n" + name + " "));
    }

    /** The declaration's id on its event's record, on the notifications it caused, and in notification-service's log. */
    private void theRequestsCorrelationIdFollowsItsWorkThroughKafkaIntoTheConsumersLog(String incidentId) throws Exception {
        String kafka = "127.0.0.1:" + ports.get(5);
        for (String topic : List.of(Topics.INCIDENT_EVENTS, Topics.NOTIFICATION_EVENTS)) {
            var record = TestEvents.awaitRecord(kafka, topic, incidentId, Duration.ofSeconds(30));
            var header = record.headers().lastHeader("dr-correlation-id");
            assertThat(header).as("dr-correlation-id on " + topic).isNotNull();
            assertThat(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(CORRELATION_ID);
        }
        Path log = dir.resolve("dr").resolve("logs").resolve("notification-service.log");
        await(() -> {
            try {
                return java.nio.file.Files.readString(log).contains("[" + CORRELATION_ID + "]");
            } catch (java.io.IOException e) {
                return false;
            }
        }, Duration.ofSeconds(30));
    }

    private String declare() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(incident() + "/api/incidents"))
                .header("Content-Type", "application/json").header("Authorization", bearer("dr-lead", "carol"))
                .header("X-Correlation-Id", CORRELATION_ID)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scenario\":\"database-corruption\",\"title\":\"Orders table corrupted\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(CORRELATION_ID);
        return json.readTree(response.body()).get("id").asText();
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", bearer("auditor", "suite-it")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }

    /** A token signed with the key dr up made in its data directory, as dr login would issue. */
    private String bearer(String role, String name) {
        return "Bearer " + new org.drcc.engines.LocalTokens(org.drcc.engines.LocalSigningKey.in(dir.resolve("dr").resolve("keys")))
                .issue(name, List.of(role), Duration.ofMinutes(5));
    }

    private static boolean contains(JsonNode array, String incidentId) {
        for (JsonNode node : array) {
            if (incidentId.equals(node.get("incidentId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private String incident() {
        return "http://127.0.0.1:" + ports.get(0);
    }

    private String backup() {
        return "http://127.0.0.1:" + ports.get(1);
    }

    private String notification() {
        return "http://127.0.0.1:" + ports.get(2);
    }

    private String metrics() {
        return "http://127.0.0.1:" + ports.get(3);
    }
}
