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
 * The root README's "Restore the command centre itself", step by step: the suite holds an incident with a ticked
 * checklist item, its notifications and its metrics; the command centre backs itself up; its data folder is lost
 * but for the S3 objects (the buckets) and the keys (put back from their off-site copy); {@code dr self restore
 * --from tertiary} and {@code dr up} bring it back with all of that, acted on once, and its audit trail verifies.
 */
class SelfRestoreIT {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SuiteLauncher suite = new SuiteLauncher();
    private final List<Integer> ports = suite.ports;
    private Process launcher;

    @Test
    void theCommandCentreComesBackFromTheTertiaryTierWithItsIncidentsNotificationsMetricsAndAuditTrail() throws Exception {
        // the archive cuts a segment within seconds, not the minute of ./dr up: the test waits for the new Kafka's
        suite.environment.put("DR_ARCHIVE_SEGMENTAGE", "PT3S");
        launcher = up("before");
        String id = declare();
        post(incident() + "/api/incidents/" + id + "/checklist/" + firstItem(id) + "/complete", "{\"note\":\"on it\"}");
        await(() -> sent(id) > 0 && contains(get(metrics() + "/api/metrics/incidents"), id), Duration.ofSeconds(60));
        JsonNode checklist = get(incident() + "/api/incidents/" + id).get("checklist");
        JsonNode notifications = get(notification() + "/api/incidents/" + id + "/notifications");
        assertThat(checklist.toString()).contains("\"state\":\"DONE\"");

        assertThat(dr("self", "backup")).as("dr self backup").isZero();
        assertThat(get(backup() + "/api/backups?status=COMPLETED&verified=true")).extracting(b -> b.get("database").asText())
                .as("each of the command centre's databases has a verified backup")
                .contains("keyring", "incident", "notification", "metrics", "backup");
        // backup-service's own backup: its dump holds it RUNNING, as it was when the dump's snapshot was taken
        String own = get(backup() + "/api/backups?database=backup&status=COMPLETED&limit=1").get(0).get("backupId").asText();
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
        String bootstrap = "127.0.0.1:" + ports.get(5);
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
        assertThat(get(metrics() + "/api/metrics/counts").get("incidents").asInt()).as("counted once").isEqualTo(1);
        assertThat(get(incident() + "/api/audit/events?actor=carol").get("items"))
                .as("the keyring is back: the sealed actor of the declaration reads again").isNotEmpty();
        // the audit archive: the old cluster's chains as they were, and the new cluster's beside them, holding every
        // event of the restored store again, as the relay republished it
        assertThat(archived(id, false)).as("archived from the old Kafka")
                .anyMatch(e -> e.endsWith(" dr.incident.checklist-item-completed.v1"));
        await(() -> ids(archived(id, true)).containsAll(stored(id)), Duration.ofSeconds(60));
        JsonNode archive = archive("/api/audit/archive/verify");
        assertThat(archive.get("intact").asBoolean()).as(archive.toString()).isTrue();
        assertThat(archive.get("clusters")).as(archive.toString()).hasSize(2);
        assertThat(archive.get("clusters").get(0).get("current").asBoolean()).as("the old cluster first").isFalse();
        assertThat(archive.get("clusters").get(1).get("current").asBoolean()).isTrue();
        assertThat(dr("audit", "verify")).as("dr audit verify").isZero();
        // backup-service's own backup, RUNNING in its own dump, is recorded as its catalogue object says: complete
        await(() -> "COMPLETED".equals(get(backup() + "/api/backups/" + own).path("status").asText()), Duration.ofSeconds(90));
        assertThat(get(backup() + "/api/backups/" + own).path("verification").asText()).isEqualTo("VERIFIED");
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
        JsonNode verify = archive("/api/audit/archive/verify");
        String now = null;
        for (JsonNode cluster : verify.get("clusters")) {
            if (cluster.get("current").asBoolean()) {
                now = cluster.get("cluster").asText();
            }
        }
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (String line : archiveText("/api/audit/archive/events?incidentId=" + incidentId).split("\n")) {
            if (!line.isBlank()) {
                JsonNode event = readTree(line);
                if (event.get("cluster").asText().equals(now) == current) {
                    types.add(event.get("headers").get("ce_id").asText() + " " + event.get("headers").get("ce_type").asText());
                }
            }
        }
        return types;
    }

    @AfterEach
    void tearDown() throws Exception {
        stop(launcher);
    }

    private int dr(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[1].equals("restore")) {
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

    private String declare() throws Exception {
        return post(incident() + "/api/incidents",
                "{\"scenario\":\"database-corruption\",\"title\":\"Orders table corrupted\"}").get("id").asText();
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
                    .header("Authorization", "Bearer " + token("auditor", "self-restore-it")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
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
}
