package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drcc.contract.Topics;
import org.drcc.engines.Engines;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.LocalTokens;
import org.drcc.engines.Ports;
import org.drcc.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite as {@code ./dr up} runs it (real engines, the four service jars as their own JVMs), through the two
 * disasters it exists for, one after the other on the same data (each start of the suite costs a minute here):
 * <ol>
 *   <li>A declared incident reaches every downstream service; after a {@code kill -9} of the whole process tree and a
 *   restart, it is still there and no service acts on it twice. The CLI, the audit trail's verification and evidence
 *   pack, and a GDPR erasure under four eyes work on the restarted suite.</li>
 *   <li>The root README's "Restore the command centre itself": a checklist item of the incident ticked, the command
 *   centre backs itself up; its data folder is lost but for the S3 objects (the buckets) and the keys (put back from
 *   their off-site copy); {@code dr self restore --from tertiary} and {@code dr up} bring it back with its incidents,
 *   checklist, notifications and metrics, acted on once, its audit trail verifying, and the person erased before the
 *   backup still forgotten; then the protected database, its server gone too, comes back from the tertiary's WAL
 *   archive alone ({@code dr backup restore --to-end-of-archive --from tertiary}) with the rows written before the
 *   loss.</li>
 * </ol>
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
    void anIncidentSurvivesAKillOfEverythingAndThenTheLossOfTheSiteAndIsActedOnOnce() throws Exception {
        // the archive cuts a segment within seconds, not the minute of ./dr up: the restored suite waits for the new Kafka's
        suite.environment.put("DR_ARCHIVE_SEGMENTAGE", "PT3S");
        launcher = up("first");
        String id = declare();

        long start = System.nanoTime();
        await(() -> get(backup() + "/api/holds/" + id) != null
                && answer(notification() + "/api/incidents/" + id + "/notifications").size() > 0
                && contains(answer(metrics() + "/api/metrics/incidents"), id), Duration.ofSeconds(30));
        System.out.printf("The declaration reached all three downstream services in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        int notifications = get(notification() + "/api/incidents/" + id + "/notifications").size();
        everyMetricTheOperationsAlertsUseIsReported();
        theRequestsCorrelationIdFollowsItsWorkThroughKafkaIntoTheConsumersLog(id);

        killTree(launcher);
        launcher = up("after-kill");
        everyServiceRunsOnTheStartupArchiveAnEarlierStartTook();

        assertThat(get(incident() + "/api/incidents/" + id).get("status").asText()).isEqualTo("DECLARED");
        try (TestEvents events = new TestEvents(kafka())) {
            for (String group : List.of("backup-service", "notification-service", "metrics-service")) {
                events.awaitConsumed(group, Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
            }
        }
        assertThat(get(backup() + "/api/holds")).hasSize(1);
        assertThat(get(notification() + "/api/incidents/" + id + "/notifications")).hasSize(notifications);
        assertThat(get(metrics() + "/api/metrics/counts").get("incidents").asInt()).isEqualTo(1);

        theCliTheAuditTrailAndAnErasureWorkOnTheRestartedSuite();
        theCommandCentreComesBackFromTheTertiaryTierAfterTheLossOfItsSite(id);
    }

    /** {@code dr} against the restarted suite: sign-in and roles, its tables, the audit trail's checks, and erin forgotten. */
    private void theCliTheAuditTrailAndAnErasureWorkOnTheRestartedSuite() throws Exception {
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
    }

    /**
     * The root README's "Restore the command centre itself", step by step, on the restarted suite: its own backup,
     * the loss of all but the buckets and the off-site keys, {@code dr self restore --from tertiary}, {@code dr up}.
     */
    private void theCommandCentreComesBackFromTheTertiaryTierAfterTheLossOfItsSite(String id) throws Exception {
        post(incident() + "/api/incidents/" + id + "/checklist/" + firstItem(id) + "/complete", "{\"note\":\"on it\"}");
        // the CLI's incident is known to metrics-service too, and a message about the first one went out
        await(() -> sent(id) > 0 && answer(metrics() + "/api/metrics/counts").path("incidents").asInt() == 2,
                Duration.ofSeconds(60));
        JsonNode checklist = get(incident() + "/api/incidents/" + id).get("checklist");
        JsonNode notifications = get(notification() + "/api/incidents/" + id + "/notifications");
        assertThat(checklist.toString()).contains("\"state\":\"DONE\"");

        assertThat(dr("self", "backup")).as("dr self backup").isZero();
        assertThat(get(backup() + "/api/backups?status=COMPLETED&verified=true")).extracting(b -> b.get("database").asText())
                .as("each of the command centre's databases has a verified backup")
                .contains("keyring", "incident", "notification", "metrics", "backup");
        // backup-service's own backup: its dump holds it RUNNING, as it was when the dump's snapshot was taken
        String own = get(backup() + "/api/backups?database=backup&status=COMPLETED&limit=1").get(0).get("backupId").asText();
        // the protected database's last writes before the loss: a base backup, then rows whose WAL reaches the archive
        assertThat(dr("backup", "base", "--wait")).as("dr backup base --wait").isZero();
        String lastSegment;
        try (java.sql.Connection c = foodtruckServer("foodtruck"); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dr_site_probe (id int PRIMARY KEY)");
            st.execute("INSERT INTO dr_site_probe VALUES (1), (2), (3)");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
                rs.next();
                lastSegment = rs.getString(1);
            }
        }
        await(() -> archivedUpTo(lastSegment), Duration.ofSeconds(120));
        stop(launcher);

        // the primary site is gone: of the data folder only the S3 objects are left; the keys come from off-site
        Path data = dir.resolve("dr");
        Path offSite = dir.resolve("off-site-keys");
        copyTree(data.resolve("keys"), offSite);
        try (Stream<Path> entries = Files.list(data)) {
            for (Path entry : entries.filter(p -> !p.getFileName().toString().equals("s3")).toList()) {
                Engines.deleteTree(entry);
            }
        }
        assertThat(dr("self", "restore", "--from", "tertiary", "--name", "dana", "--data-dir", data.toString(),
                "--home", home(), "--backup-port", "" + ports.get(1), "--postgres-port", "" + ports.get(4),
                "--kafka-port", "" + ports.get(5), "--kafka-controller-port", "" + ports.get(6),
                "--s3-port", "" + ports.get(7))).as("refused without the audit keys").isEqualTo(1);
        copyTree(offSite, data.resolve("keys"));
        assertThat(dr("self", "restore", "--from", "tertiary", "--name", "dana", "--data-dir", data.toString(),
                "--home", home(), "--backup-port", "" + ports.get(1), "--postgres-port", "" + ports.get(4),
                "--kafka-port", "" + ports.get(5), "--kafka-controller-port", "" + ports.get(6),
                "--s3-port", "" + ports.get(7))).as("dr self restore --from tertiary").isZero();

        launcher = up("after-restore");
        JsonNode restored = get(incident() + "/api/incidents/" + id);
        assertThat(restored).as("the incident is back").isNotNull();
        assertThat(restored.get("checklist")).as("with its checklist as it was").isEqualTo(checklist);
        String bootstrap = kafka();
        // the new Kafka receives the restored store again, up to the ticked item; each consumer reads it through
        TestEvents.awaitRecord(bootstrap, Topics.INCIDENT_EVENTS, id, "dr.incident.checklist-item-completed.v1",
                Duration.ofSeconds(60));
        try (TestEvents events = new TestEvents(bootstrap)) {
            for (String group : List.of("backup-service", "notification-service", "metrics-service")) {
                events.awaitConsumed(group, Topics.INCIDENT_EVENTS, Duration.ofSeconds(90));
            }
        }
        assertThat(get(notification() + "/api/incidents/" + id + "/notifications"))
                .as("the notifications are back, none scheduled twice").hasSameSizeAs(notifications);
        // deliveries due later go on being sent; what had been sent stays recorded as sent, at the same instant
        assertThat(sent(get(notification() + "/api/incidents/" + id + "/notifications")))
                .as("what was sent is recorded as sent").containsAll(sent(notifications));
        assertThat(contains(get(metrics() + "/api/metrics/incidents"), id)).as("the metrics are back").isTrue();
        assertThat(get(metrics() + "/api/metrics/counts").get("incidents").asInt()).as("each counted once").isEqualTo(2);
        assertThat(get(incident() + "/api/audit/events?actor=carol").get("items"))
                .as("the keyring is back: the sealed actor of the declaration reads again").isNotEmpty();
        // a backup taken after an erasure brings nobody back: erin's key was gone from the keyring it holds
        assertThat(get(incident() + "/api/audit/events?actor=erin").get("items")).as("erin stays forgotten").isEmpty();
        assertThat(get(incident() + "/api/audit/events?actor=%5Bforgotten%5D").get("items")).isNotEmpty();
        // the audit archive: the old cluster's chains as they were, and the new cluster's beside them, holding every
        // event of the restored store again, as the relay republished it
        assertThat(archived(id, false)).as("archived from the old Kafka")
                .anyMatch(e -> e.endsWith(" dr.incident.checklist-item-completed.v1"));
        await(() -> ids(archived(id, true)).containsAll(stored(id)), Duration.ofSeconds(60));
        JsonNode archive = archive("/api/audit/archive/verify");
        assertThat(archive.get("intact").asBoolean()).as(archive.toString()).isTrue();
        // ./dr up writes the archive's off-site copy too: the trail of both clusters is in it as well
        assertThat(archive("/api/audit/archive/copies").findValuesAsText("name")).as("the archive's copies")
                .containsExactlyInAnyOrder("primary", "offsite");
        await(() -> ids(archived(id, true, "offsite")).containsAll(stored(id)), Duration.ofSeconds(60));
        JsonNode offsite = archive("/api/audit/archive/verify?copy=offsite");
        assertThat(offsite.get("intact").asBoolean()).as(offsite.toString()).isTrue();
        assertThat(offsite.get("clusters")).as(offsite.toString()).hasSize(2);
        assertThat(archive.get("clusters")).as(archive.toString()).hasSize(2);
        assertThat(archive.get("clusters").get(0).get("current").asBoolean()).as("the old cluster first").isFalse();
        assertThat(archive.get("clusters").get(1).get("current").asBoolean()).isTrue();
        assertThat(dr("audit", "verify")).as("dr audit verify").isZero();
        // backup-service's own backup, RUNNING in its own dump, is recorded as its catalogue object says: complete
        await(() -> "COMPLETED".equals(get(backup() + "/api/backups/" + own).path("status").asText()), Duration.ofSeconds(90));
        assertThat(get(backup() + "/api/backups/" + own).path("verification").asText()).isEqualTo("VERIFIED");

        // and the protected database, its server lost with the site: from the tertiary's WAL archive alone, every row
        // that reached it (the restored command centre's read model knows nothing of the base backup: the tier does)
        assertThat(dr("backup", "restore", "--to-end-of-archive", "--from", "tertiary", "--target-database",
                "foodtruck_dr", "--wait")).as("dr backup restore --to-end-of-archive --from tertiary").isZero();
        try (java.sql.Connection c = foodtruckServer("foodtruck_dr"); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM dr_site_probe")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the rows written before the loss, from the archive").isEqualTo(3);
        }
    }

    /** The suite's PostgreSQL server (the protected database's, in {@code dr up}), as its superuser. */
    private java.sql.Connection foodtruckServer(String database) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + ports.get(4) + "/" + database,
                "postgres", "");
    }

    /** Whether the server's archiver has archived (into every tier: pgBackRest's push succeeds only then) the segment. */
    private boolean archivedUpTo(String segment) {
        try (java.sql.Connection c = foodtruckServer("foodtruck"); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")) {
            rs.next();
            return rs.getString(1).compareTo(segment) >= 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            launcher.waitFor(90, TimeUnit.SECONDS);
        }
        killTree(launcher);
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
        String kafka = kafka();
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
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("dr-lead", "carol"))
                .header("X-Correlation-Id", CORRELATION_ID)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scenario\":\"database-corruption\",\"title\":\"Orders table corrupted\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(CORRELATION_ID);
        return json.readTree(response.body()).get("id").asText();
    }

    /** The ids of the incident's events in the restored incident store (its audit trail). */
    private java.util.Set<String> stored(String incidentId) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        archive("/api/audit/events?size=500&incidentId=" + incidentId).get("items")
                .forEach(e -> ids.add(e.get("eventId").asText()));
        assertThat(ids).as("the restored store holds the incident").isNotEmpty();
        return ids;
    }

    private static java.util.Set<String> ids(java.util.Set<String> archived) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        archived.forEach(e -> ids.add(e.substring(0, e.indexOf(' '))));
        return ids;
    }

    /** An archive or audit trail read: limited per caller, so each read is a new auditor's. */
    private JsonNode archive(String path) {
        return readTree(archiveText(path));
    }

    private String archiveText(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(incident() + path))
                    .header("Authorization", "Bearer " + token("auditor", "archive-reader-" + java.util.UUID.randomUUID()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(path, e);
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(text, e);
        }
    }

    /** The event ids and types archived for the incident, from the cluster Kafka answers for now or from the older ones. */
    private java.util.Set<String> archived(String incidentId, boolean current) {
        return archived(incidentId, current, "primary");
    }

    private java.util.Set<String> archived(String incidentId, boolean current, String copy) {
        JsonNode verify = archive("/api/audit/archive/verify?copy=" + copy);
        String now = null;
        for (JsonNode cluster : verify.get("clusters")) {
            if (cluster.get("current").asBoolean()) {
                now = cluster.get("cluster").asText();
            }
        }
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (String line : archiveText("/api/audit/archive/events?incidentId=" + incidentId + "&copy=" + copy)
                .split("\n")) {
            if (!line.isBlank()) {
                JsonNode event = readTree(line);
                if (event.get("cluster").asText().equals(now) == current) {
                    types.add(event.get("headers").get("ce_id").asText() + " " + event.get("headers").get("ce_type").asText());
                }
            }
        }
        return types;
    }

    private int dr(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!(args[0].equals("self") && args[1].equals("restore"))) { // dr self restore starts its own services
            all.addAll(List.of("--incident-url", incident(), "--backup-url", backup(), "--notification-url",
                    notification(), "--metrics-url", metrics(), "--token", token("dr-lead", "dana")));
        }
        return Dr.run(all.toArray(String[]::new));
    }

    private Process up(String run) throws Exception {
        return suite.up(dir.resolve("dr"), dir.resolve("dr-up-" + run + ".log"));
    }

    /** As Ctrl-C: dr up stops the services, then the engines. */
    private void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("dr up stops").isTrue();
        }
        assertThat(ports).allMatch(p -> !Ports.inUse(p), "every port is free again after the stop");
    }

    private static String home() {
        return Path.of("..").toAbsolutePath().normalize().toString();
    }

    private String firstItem(String id) {
        return get(incident() + "/api/incidents/" + id).get("checklist").get(0).get("id").asText();
    }

    private JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("dr-lead", "carol"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isBetween(200, 202);
        return json.readTree(response.body());
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token("auditor", "suite-it")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }

    /** The answer, or a missing node while the service does not answer 200 (a wait asks again). */
    private JsonNode answer(String url) {
        JsonNode answer = get(url);
        return answer == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : answer;
    }

    private long sent(String incidentId) {
        JsonNode notifications = get(notification() + "/api/incidents/" + incidentId + "/notifications");
        return notifications == null ? 0 : sent(notifications).size();
    }

    /** Each notification that went out (to a person, or with no contact only to the log): its id and when. */
    private static java.util.Set<String> sent(JsonNode notifications) {
        java.util.Set<String> sent = new java.util.HashSet<>();
        for (JsonNode n : notifications) {
            // ./dr up's plan has no contacts: its messages go to the log channel only, NOT_DELIVERED but gone out
            if (List.of("SENT", "NOT_DELIVERED").contains(n.path("status").asText())) {
                sent.add(n.path("notificationId").asText() + "@" + n.path("sentAt").asText());
            }
        }
        return sent;
    }

    /** A token signed with the key dr up keeps in its data folder, as dr login would issue. */
    private String token(String role, String name) {
        return new LocalTokens(LocalSigningKey.in(dir.resolve("dr").resolve("keys"))).issue(name, List.of(role),
                Duration.ofMinutes(30));
    }

    private static boolean contains(JsonNode incidents, String incidentId) {
        return incidents.findValuesAsText("incidentId").contains(incidentId);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Polls until the condition holds: the positive signal each step waits for. */
    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) throws Exception {
        for (long deadline = System.nanoTime() + timeout.toNanos(); !condition.getAsBoolean(); Thread.sleep(200)) {
            assertThat(System.nanoTime()).as("not reached within " + timeout).isLessThan(deadline);
        }
    }

    private String incident() {
        return url(0);
    }

    private String backup() {
        return url(1);
    }

    private String notification() {
        return url(2);
    }

    private String metrics() {
        return url(3);
    }

    private String url(int service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private String kafka() {
        return "127.0.0.1:" + ports.get(5);
    }
}
