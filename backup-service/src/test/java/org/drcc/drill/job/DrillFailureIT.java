package org.drcc.drill.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drcc.backup.BackupServiceApplication;
import org.drcc.drill.query.DrillView;
import org.drcc.drill.query.Drills;
import org.drcc.testsupport.DatabaseFingerprint;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A drill that fails half-way, on the real engines: incident-service (a stand-in over HTTP, as it is another
 * process) serves the plan's targets but refuses the declaration, after the scratch copy was made and damaged.
 * The drill is recorded as failed with that cause, its scratch databases are gone, its report is stored, and
 * foodtruck is untouched. Databases a crashed drill left behind are dropped at the next start.
 */
@WithEngines(database = "backup")
@SpringBootTest(classes = BackupServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dr.backup.scheduling-enabled=false")
class DrillFailureIT {

    private static HttpServer incidentService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Drills drills;

    @Autowired
    DrillStartup startup;

    @DynamicPropertySource
    static void standInIncidentService(DynamicPropertyRegistry registry) throws Exception {
        incidentService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        incidentService.createContext("/api/scenarios/", exchange -> {
            byte[] body = "{\"id\":\"database-corruption\",\"rto\":\"PT2H\",\"rpo\":\"PT1H\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        incidentService.createContext("/api/incidents", exchange -> {
            byte[] body = "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"incident store down for maintenance\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        incidentService.start();
        registry.add("dr.drill.incident-url", () -> "http://127.0.0.1:" + incidentService.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        incidentService.stop(0);
    }

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.drcc.testsupport.TestTokens.signIn(http, org.drcc.kit.security.Roles.DR_LEAD, "dana");
    }

    @Test
    void aDrillThatFailsHalfWayRecordsItsCauseAndLeavesNoScratchDatabase() throws Exception {
        Map<String, String> before = fingerprint("foodtruck");

        // with an Idempotency-Key, as dr drill run sends it: sent again (its answer lost), the same drill, no second
        org.springframework.http.HttpHeaders keyed = new org.springframework.http.HttpHeaders();
        keyed.set("Idempotency-Key", "drill-failure-it-" + java.util.UUID.randomUUID());
        var request = new org.springframework.http.HttpEntity<>(Map.of("scenario", "database-corruption"), keyed);
        int drillsBefore = drills.list("database-corruption", null, 500).size();
        ResponseEntity<DrillView> started = http.postForEntity("/api/drills", request, DrillView.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().drill().drillId();
        ResponseEntity<DrillView> again = http.postForEntity("/api/drills", request, DrillView.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getHeaders().getLocation()).isEqualTo(started.getHeaders().getLocation());
        assertThat(again.getBody().drill().drillId()).isEqualTo(id);
        assertThat(drills.list("database-corruption", null, 500)).as("one drill started, not two").hasSize(drillsBefore + 1);

        DrillView done = awaitFinished(id);
        assertThat(done.drill().status()).isEqualTo("FAILED");
        assertThat(done.drill().reason()).contains("incident declared", "503", "incident store down for maintenance");
        assertThat(done.steps()).extracting(s -> s.step() + " " + s.outcome()).containsSubsequence(
                "scratch copy made OK", "damage done OK", "incident declared FAILED", "scratch databases dropped OK");
        assertThat(done.drill().rto()).as("nothing restored, nothing measured").isNull();
        assertThat(databases()).noneMatch(d -> d.startsWith("drill_"));
        assertThat(fingerprint("foodtruck")).isEqualTo(before);
        awaitReport(id);
        assertThat(http.getForObject("/api/drills/" + id + "/report", String.class))
                .contains("# DR drill database-corruption: FAILED", "incident store down for maintenance");
    }

    @Test
    void theScratchDatabasesADrillLeftBehindAreDroppedAtTheNextStart() throws Exception {
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("CREATE DATABASE drill_crashed000001_site");
        }
        startup.recover();
        assertThat(databases()).doesNotContain("drill_crashed000001_site").contains("foodtruck");
    }

    private DrillView awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            DrillView view = http.getForObject("/api/drills/" + id, DrillView.class);
            if (!"RUNNING".equals(view.drill().status())) {
                return view;
            }
            assertThat(System.nanoTime()).as("drill still running").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private void awaitReport(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (drills.summary(id).orElseThrow().reportKey() == null) {
            assertThat(System.nanoTime()).as("report stored").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Map<String, String> fingerprint(String database) throws Exception {
        try (Connection c = connect(database)) {
            return DatabaseFingerprint.of(c);
        }
    }

    private static List<String> databases() throws Exception {
        try (Connection c = connect("postgres")) {
            return DatabaseFingerprint.databases(c);
        }
    }

    private static Connection connect(String database) throws Exception {
        String url = System.getProperty("dr.backup.databases.foodtruck.url").replaceAll("/foodtruck$", "/" + database);
        return DriverManager.getConnection(url, "postgres", "");
    }
}
