package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.incident.OutageCalls.JSON;
import static org.drcc.incident.OutageCalls.declare;
import static org.drcc.incident.OutageCalls.health;
import static org.drcc.incident.OutageCalls.signedIn;
import static org.drcc.incident.OutageCalls.since;
import static org.drcc.incident.OutageCalls.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.PostgresEngine;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stops under the running service and comes back: while it is down, health says so and a declaration
 * is refused at once with a 503 naming it, having changed nothing; once it is back, the service takes it up by
 * itself. The same for a server that answers but refuses writes (read-only, as after a failover). The service runs on a PostgreSQL server of its own (Kafka and S3 are the test JVM's), so that stopping it
 * leaves the other tests' connections alone. The bounds are generous (a loaded machine); the target is ~2 s.
 */
@WithEngines(database = "incident")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PostgresDownIT {

    /** Far from a hang (a refusal takes the pool's 2 s timeout), with room for a loaded machine. */
    private static final Duration PROMPTLY = Duration.ofSeconds(15);
    private static final EngineSettings OWN = own();
    private static PostgresEngine postgres = start();

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> postgres.jdbcUrl("incident"));
        properties.add("dr.privacy.keyring.url", () -> postgres.jdbcUrl(Engines.KEYRING_DATABASE));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
        Engines.deleteTree(OWN.dataDir());
    }

    @Test
    void withPostgreSqlStoppedADeclareIsRefusedAtOnceNamingItAndSucceedsOnceItIsBack() throws Exception {
        TestRestTemplate http = http();
        // the pool holds connections used a moment ago, as under traffic
        assertThat(declare(http, "Before the outage " + UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String refusedTitle = "Declared while PostgreSQL was down " + UUID.randomUUID();

        postgres.close();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                long start = System.nanoTime();
                ResponseEntity<String> refused = declare(http, refusedTitle);
                assertThat(since(start)).isLessThan(PROMPTLY);
                assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
                JsonNode problem = JSON.readTree(refused.getBody());
                assertThat(problem.path("title").asText()).isEqualTo("PostgreSQL is unreachable");
                assertThat(problem.path("detail").asText()).contains("nothing was changed");
            }
            long start = System.nanoTime();
            JsonNode health = health(http);
            assertThat(since(start)).isLessThan(PROMPTLY);
            assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("DOWN");
        } finally {
            postgres = PostgresEngine.start(OWN);
        }

        assertThat(listOnceADeclarationIsTakenAgain(http, "Declared once PostgreSQL was back "))
                .doesNotContain(refusedTitle);
        assertThat(within(Duration.ofSeconds(30), () -> health(http),
                h -> h.path("components").path("db").path("status").asText().equals("UP"))).isNotNull();
    }

    /**
     * The wrong side of a failover: the server answers but refuses writes (here set read-only, as a standby is). A
     * declaration is refused with a 503 that says so, having changed nothing; reading goes on; health says "db" DOWN,
     * read-only; once the server takes writes again, so does the service, by itself, and health is UP again.
     */
    @Test
    void aServerThatTurnedReadOnlyRefusesADeclareSayingSoStillAnswersReadsAndTakesItOnceWritable() throws Exception {
        TestRestTemplate http = http();
        assertThat(declare(http, "Before the failover " + UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String refusedPrefix = "Declared while PostgreSQL was read-only ";
        String refusedTitle;

        readOnly(true);
        try {
            // each session takes the reloaded setting as the server's signal reaches it: a declaration sent before
            // that is stored, and the next one asked; the one refused must not be
            List<String> titles = new ArrayList<>();
            ResponseEntity<String> refused = within(PROMPTLY, () -> {
                titles.add(refusedPrefix + UUID.randomUUID());
                return declare(http, titles.get(titles.size() - 1));
            }, r -> r.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE);
            refusedTitle = titles.get(titles.size() - 1);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
            JsonNode problem = JSON.readTree(refused.getBody());
            assertThat(problem.path("title").asText()).isEqualTo("PostgreSQL is read-only");
            assertThat(problem.path("detail").asText()).contains("nothing was changed", "Reading still works");
            assertThat(http.exchange("/api/incidents?size=5", HttpMethod.GET, signedIn(null), String.class)
                    .getStatusCode()).as("reading still works").isEqualTo(HttpStatus.OK);
            // a healthcheck sees it too: the server answers, but the service cannot do its work there (asked again
            // while the check's pooled connection still runs on the setting before the reload, as the declarations do)
            JsonNode db = within(PROMPTLY, () -> health(http).path("components").path("db"),
                    d -> d.path("status").asText().equals("DOWN"));
            assertThat(db.path("status").asText()).as(db.toString()).isEqualTo("DOWN");
            assertThat(db.path("details").path("readOnly").asBoolean()).as(db.toString()).isTrue();
        } finally {
            readOnly(false);
        }

        assertThat(listOnceADeclarationIsTakenAgain(http, "Declared once PostgreSQL took writes again "))
                .as("the declaration refused while read-only was not stored").doesNotContain(refusedTitle);
        assertThat(within(Duration.ofSeconds(30), () -> health(http),
                h -> h.path("components").path("db").path("status").asText().equals("UP"))).isNotNull();
    }

    /**
     * Declares until the service takes it (by itself, once PostgreSQL does), then answers the incident list once it
     * shows that incident: the list is a projection, so it has seen every earlier event by then.
     */
    private static String listOnceADeclarationIsTakenAgain(TestRestTemplate http, String title) throws Exception {
        String unique = title + UUID.randomUUID();
        ResponseEntity<String> created = within(Duration.ofSeconds(60), () -> declare(http, unique),
                r -> r.getStatusCode() == HttpStatus.CREATED);
        String id = JSON.readTree(created.getBody()).path("id").asText();
        return within(Duration.ofSeconds(120), () -> http.exchange("/api/incidents?size=200", HttpMethod.GET,
                signedIn(null), String.class).getBody(), body -> body != null && body.contains(id));
    }

    private TestRestTemplate http() {
        return new TestRestTemplate(new RestTemplateBuilder().requestFactory(JdkClientHttpRequestFactory.class)
                .rootUri("http://127.0.0.1:" + environment.getProperty("local.server.port")));
    }

    /** Sets the whole server read-only (as a standby is to its clients), or writable again, and reloads it. */
    private static void readOnly(boolean on) throws Exception {
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
             java.sql.Statement sql = admin.createStatement()) {
            sql.execute("SET default_transaction_read_only = off");
            sql.execute(on ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only");
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    private static EngineSettings own() {
        try {
            return EngineSettings.forTests(Files.createTempDirectory("dr-postgres-down-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PostgresEngine start() {
        PostgresEngine engine = PostgresEngine.start(OWN);
        engine.createDatabase("incident");
        engine.createDatabase(Engines.KEYRING_DATABASE);
        return engine;
    }
}
