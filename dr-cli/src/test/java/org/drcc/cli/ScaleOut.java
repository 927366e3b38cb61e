package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.LocalTokens;

/**
 * Two instances of every service ({@code dr up --instances 2}, eight service JVMs; {@link OperatorIT} starts the suite so
 * and runs this last): a burst of declarations spread over both incident-service instances, two "back up now" at the
 * same moment on both backup-service instances, and a {@code kill -9} of the second instance of each service while the
 * burst is under way. Then every incident of the burst that incident-service stored is counted once in metrics, held
 * once by backup-service and gets its notifications once; its DR lead's webhook arrives at most once per message (a
 * message cut short by the kill is recorded as such, never sent again); and of the two back-up-now, each backup taken
 * ends (failed by the lease of the killed instance, or completed by the live one) instead of staying RUNNING, never
 * two of foodtruck at once.
 *
 * <p>It was a suite test of its own (its own start of eight service JVMs, the heaviest of the suite tests); it runs on
 * OperatorIT's suite instead, started with two instances, to spare {@code mvn verify} that start (docs/benchmarks.md,
 * "The build's own time"). What came before it on that suite is left out of every count: only the burst's incidents
 * are counted, and foodtruck's backups only from the burst's start.
 */
final class ScaleOut {

    private static final int BURST = 60;
    /** The burst's incidents' title: what came before on the suite (its own, or incidents not listed yet) is not counted. */
    private static final String BURST_TITLE = "Burst " + java.util.UUID.randomUUID().toString().substring(0, 8);
    private static final int KILL_AFTER = 12;
    /** notification-service's default: messages of one channel on their way at a time, per instance. */
    private static final int SENDERS_PER_CHANNEL = 8;
    private static final List<String> SERVICES =
            List.of("incident-service", "backup-service", "notification-service", "metrics-service");

    private final SuiteLauncher suite;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private int notificationsPerIncident;

    /** On the suite {@code suite} started with two instances of each service on {@code dataDir}. */
    ScaleOut(SuiteLauncher suite, Path dataDir) {
        this.suite = suite;
        this.dataDir = dataDir;
    }

    void oneInstanceOfEachServiceKilledMidBurstLosesNothingAndDoesNothingTwice() throws Exception {
        assertThat(get(suite.url(1, 1) + "/api/policies")).filteredOn(p -> "foodtruck".equals(p.get("database").asText()))
                .singleElement().satisfies(p -> assertThat(p.get("schedule").asText())
                        .as("foodtruck's hourly backup moved out of the tests (SuiteLauncher): the backups counted "
                                + "below are the back-up-now the two instances were sent").isEqualTo(SuiteLauncher.FOODTRUCK_SCHEDULE));
        String first = json.readTree(send("POST", suite.url(0, 1) + "/api/incidents", "dr-lead",
                "{\"scenario\": \"database-corruption\", \"title\": \"Before the burst\"}").body()).get("id").asText();
        String url = suite.url(2, 2) + "/api/incidents/" + first + "/notifications";
        await("the first incident's notifications", () -> get(url).size() > 0);
        notificationsPerIncident = get(url).size();
        oneInstanceOfEachKilledMidBurst();
    }

    private void oneInstanceOfEachKilledMidBurst() throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.merge(String.valueOf(exchange.getRequestHeaders().getFirst("X-DR-Delivery")), 1, Integer::sum);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            HttpResponse<String> changed = send("PUT", suite.url(2, 1) + "/api/plan/audiences/DR%20Team%20Lead", "dr-lead",
                    "{\"name\": \"DR Team Lead\", \"contacts\": [{\"name\": \"lead-hook\", \"channel\": \"webhook\", "
                            + "\"target\": \"" + hook + "\", \"secret\": \"suite-it-hook-secret\"}]}");
            assertThat(changed.statusCode()).as("the DR lead is told by a webhook on this machine").isEqualTo(200);
            // the other instance takes a plan changed through this one within a second (PlanInForce): the burst
            // starts once it has, or its first incidents would be told by the plan before
            String revision = changed.headers().firstValue("X-Plan-Revision").orElseThrow();
            await("notification-service's second instance has the plan's revision " + revision + " in force",
                    () -> revision.equals(planRevision(suite.url(2, 2))));
            Instant start = Instant.now();

            CountDownLatch both = new CountDownLatch(1);
            List<Future<Integer>> backups = List.of(1, 2).stream().map(instance -> callers.submit(() -> {
                both.await();
                return sendQuietly("POST", suite.url(1, instance) + "/api/backups", "dba", "{\"database\": \"foodtruck\"}");
            })).toList();
            both.countDown();
            List<Integer> backupAnswers = new ArrayList<>();
            for (Future<Integer> backup : backups) {
                backupAnswers.add(backup.get(60, TimeUnit.SECONDS));
            }
            CountDownLatch declaredSome = new CountDownLatch(KILL_AFTER);
            List<Future<Integer>> declarations = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int instance = 1 + i % 2;
                declarations.add(callers.submit(() -> {
                    int status = sendQuietly("POST", suite.url(0, instance) + "/api/incidents", "dr-lead",
                            "{\"scenario\": \"database-corruption\", \"title\": \"" + BURST_TITLE + "\"}");
                    if (status == 201) {
                        declaredSome.countDown();
                    }
                    return status;
                }));
            }
            assertThat(declaredSome.await(60, TimeUnit.SECONDS)).as("declarations answered before the kill").isTrue();
            for (String service : SERVICES) {
                kill9(service + "-2");
            }
            int accepted = 0;
            for (Future<Integer> declaration : declarations) {
                accepted += declaration.get(60, TimeUnit.SECONDS) == 201 ? 1 : 0;
            }

            // what incident-service stored (an answer cut off by the kill may still have been stored); its list is a
            // projection, whose segments the killed instance held until the survivor claims them
            int answered = accepted;
            await("incident-service lists at least the " + answered + " declarations answered 201",
                    () -> burstIds().size() >= answered);
            Set<String> burst = burstIds();

            await("metrics-service knows every incident of the burst", () -> ids(get(suite.url(3, 1)
                    + "/api/metrics/incidents"), "incidentId").containsAll(burst));
            assertThat(ids(get(suite.url(3, 1) + "/api/metrics/incidents"), "incidentId")).as("each once in metrics")
                    .containsAll(burst).doesNotHaveDuplicates();
            await("backup-service holds every incident's backups",
                    () -> ids(get(suite.url(1, 1) + "/api/holds"), "incidentId").containsAll(burst));
            assertThat(ids(get(suite.url(1, 1) + "/api/holds"), "incidentId")).as("one hold each").doesNotHaveDuplicates()
                    .containsAll(burst);
            for (String id : burst) {
                String url = suite.url(2, 1) + "/api/incidents/" + id + "/notifications";
                AtomicReference<String> seen = new AtomicReference<>();
                await(() -> "incident " + id + "'s webhook to its DR lead is sent or recorded as cut short (last seen: "
                        + seen.get() + ")", () -> {
                    JsonNode all = get(url);
                    JsonNode webhook = webhook(all);
                    seen.set(all.size() + " of " + notificationsPerIncident + " notifications, the webhook "
                            + (webhook == null ? "not among them: " + all : webhook.toString()));
                    return all.size() >= notificationsPerIncident && webhook != null
                            && !List.of("SCHEDULED", "SENDING", "RETRYING").contains(webhook.get("status").asText());
                });
                assertThat(get(url)).as("incident %s: its notifications once each", id).hasSize(notificationsPerIncident);
            }
            List<JsonNode> webhooks = new ArrayList<>();
            for (String id : burst) {
                webhooks.add(webhook(get(suite.url(2, 1) + "/api/incidents/" + id + "/notifications")));
            }
            Set<String> sentIds = new HashSet<>();
            Set<String> cutShort = new HashSet<>();
            webhooks.forEach(w -> ("SENT".equals(w.get("status").asText()) ? sentIds : cutShort)
                    .add(w.get("notificationId").asText()));
            long sent = sentIds.size();
            assertThat(received.values()).as("no webhook arrived twice").allMatch(n -> n == 1);
            assertThat(received.keySet()).as("each one recorded as sent arrived").containsAll(sentIds);
            Set<String> arrivedUnrecorded = new HashSet<>(received.keySet());
            arrivedUnrecorded.removeAll(sentIds);
            assertThat(cutShort).as("one that arrived but is not recorded as sent was cut short by the kill after it "
                    + "went out (at most once: it may have arrived, so it is not sent again)").containsAll(arrivedUnrecorded);
            assertThat(webhooks).as("any not sent was cut short by the kill, never repeated")
                    .allMatch(w -> "SENT".equals(w.get("status").asText())
                            || String.valueOf(w.get("lastError")).contains("interrupted while sending"));
            assertThat(webhooks.size() - sent).as("cut short: at most those in flight at the kill, one per webhook "
                    + "sender of the killed instance (dr.notification.senders-per-channel, %d), each claimed just "
                    + "before its send", SENDERS_PER_CHANNEL).isLessThanOrEqualTo(SENDERS_PER_CHANNEL);

            // one backup of a database at a time: the second of two back-up-now sent at once is refused while the
            // first runs, or taken once the first has ended (a start that lost the race to the other instance included)
            assertThat(backupAnswers).as("two back-up-now at once on the two instances: each accepted or refused as "
                    + "running, at least one accepted").allMatch(s -> s == 202 || s == 409).contains(202);
            await("the backups end, whichever instance ran them", () -> {
                JsonNode taken = get(suite.url(1, 1) + "/api/backups?database=foodtruck&limit=20");
                return ids(taken, "backupId").size() > 0 && !hasRunning(taken);
            });
            List<JsonNode> since = new ArrayList<>();
            for (JsonNode backup : get(suite.url(1, 1) + "/api/backups?database=foodtruck&limit=20")) {
                if (Instant.parse(backup.get("startedAt").asText()).isAfter(start)) {
                    since.add(backup);
                }
            }
            since.sort(java.util.Comparator.comparing(b -> Instant.parse(b.get("startedAt").asText())));
            assertThat(since).as("one backup of foodtruck per back-up-now accepted, not one per instance")
                    .hasSize((int) backupAnswers.stream().filter(s -> s == 202).count());
            for (int i = 1; i < since.size(); i++) {
                JsonNode earlier = since.get(i - 1);
                assertThat(Instant.parse(since.get(i).get("startedAt").asText())).as("no two backups of foodtruck at "
                        + "once: %s started after %s", since.get(i), earlier)
                        .isAfterOrEqualTo(Instant.parse(earlier.get("completedAt").asText()));
            }
            System.out.printf("Scale-out: %d declarations stored (%d answered 201) over two instances of each service, "
                    + "one of each killed after %d; %d webhooks sent once, %d cut short (%d of them had arrived)%n",
                    burst.size(), accepted, KILL_AFTER, sent, webhooks.size() - sent, arrivedUnrecorded.size());
        } finally {
            callers.shutdownNow();
            receiver.stop(0);
        }
    }

    private static JsonNode webhook(JsonNode notifications) {
        for (JsonNode n : notifications) {
            if ("webhook".equals(n.get("channel").asText())) {
                return n;
            }
        }
        return null;
    }

    private static boolean hasRunning(JsonNode backups) {
        for (JsonNode b : backups) {
            if ("RUNNING".equals(b.get("status").asText())) {
                return true;
            }
        }
        return false;
    }

    /** As {@code kill -9}: the instance's pid from the file {@code dr up} keeps. */
    private void kill9(String instance) throws Exception {
        long pid = Long.parseLong(Files.readString(dataDir.resolve("run").resolve(instance + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(instance + " is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** The incidents of the burst incident-service lists (an answer cut off by the kill may still have been stored). */
    private Set<String> burstIds() {
        Set<String> ids = new HashSet<>();
        get(suite.url(0, 1) + "/api/incidents?size=200").get("items").forEach(item -> {
            if (BURST_TITLE.equals(item.get("title").asText())) {
                ids.add(item.get("id").asText());
            }
        });
        return ids;
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get(field).asText()));
        return ids;
    }

    /** A token signed with the key dr up made in its data directory, as dr login would issue. */
    private String bearer(String role, String name) {
        return "Bearer " + new LocalTokens(LocalSigningKey.in(dataDir.resolve("keys"))).issue(name, List.of(role),
                Duration.ofMinutes(10));
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", bearer("auditor", "scale-out-it")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }

    private HttpResponse<String> send(String method, String url, String role, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", bearer(role, "scale-out-" + role)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String planRevision(String notification) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(notification + "/api/plan"))
                            .header("Authorization", bearer("auditor", "scale-out-it")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("X-Plan-Revision").orElse("");
        } catch (Exception e) {
            throw new IllegalStateException(notification, e);
        }
    }

    /** The status, or -1 where the instance went away before it answered. */
    private int sendQuietly(String method, String url, String role, String body) {
        try {
            return send(method, url, role, body).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        await(() -> what, condition);
    }

    /** Waits for {@code condition}; {@code what} is asked only on failure, to say what was seen last. */
    private static void await(Supplier<String> what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what.get() + ": not within 90 s");
            }
            Thread.sleep(250);
        }
    }
}
