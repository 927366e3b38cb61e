package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.drcc.backup.pitr.BaseBackups;
import org.drcc.backup.pitr.PgBackRestConfig;
import org.drcc.backup.pitr.Repository;
import org.drcc.engines.Engines;
import org.drcc.engines.Ports;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The day after the protected server was lost: backup-service points at a replacement, a new cluster (a system
 * identifier of its own) on the same address, and pgBackRest refuses it into the lost cluster's stanza, so its base
 * backups fail and its WAL is not archived. Confirmed by its system identifier, {@code POST /api/base-backups
 * {"adoptServer": ...}} upgrades the stanza to it and takes its first base backup in every tier; its WAL reaches the
 * archive again. A server of another identifier than the one confirmed is refused, and so is one the stanza serves.
 * The protected server here is a cluster of this test's own, archived under a stanza of its own, so that the suite's
 * server and its stanza stay as they are for the other tests.
 */
@WithEngines(database = "backup")
// closed after the class: its protected server is gone then, and a cached context would still take part in the
// other tests' work (it consumes the same topics and shares the service's database), verifying their backups against it
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dr.backup.scheduling-enabled=false", "dr.backup.pitr.stanza=replaced"})
class ReplacementServerIT {

    private static final String STANZA = "replaced";
    private static Path root;
    private static int port;
    private static EmbeddedPostgres server;

    @DynamicPropertySource
    static void theProtectedServer(DynamicPropertyRegistry registry) throws Exception {
        root = Files.createTempDirectory("drcc-replacement-");
        port = Ports.free();
        server = start(root.resolve("lost"));
        registry.add("dr.backup.databases.foodtruck.url", () -> "jdbc:postgresql://127.0.0.1:" + port + "/foodtruck");
        registry.add("dr.backup.databases.foodtruck.username", () -> "postgres");
        registry.add("dr.backup.pitr.config-dir", () -> root.resolve("pgbackrest").toString());
    }

    /** A cluster on {@code port} that archives its WAL with pgBackRest, with the configuration backup-service writes. */
    private static EmbeddedPostgres start(Path data) throws Exception {
        EmbeddedPostgres started = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("wal_level", "replica")
                .setServerConfig("archive_mode", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Path config = root.resolve("pgbackrest");
        String command = "pgbackrest \"--config=" + config.resolve("pgbackrest.conf") + "\" \"--config-include-path="
                + config.resolve("conf.d") + "\" --stanza=" + STANZA + " archive-push %p";
        try (Connection c = started.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET archive_command = '" + command.replace("'", "''") + "'");
            st.execute("SELECT pg_reload_conf()");
            st.execute("CREATE DATABASE foodtruck");
        } catch (Exception e) {
            started.close();
            throw e;
        }
        return started;
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            // the clusters, and the pgBackRest configuration with the stores' keys
            // quietly: pgBackRest's background push may still be writing its spool
            try {
                Engines.deleteTree(root);
            } catch (java.io.IOException | java.io.UncheckedIOException busy) {
                // left in the temporary folder
            }
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    BaseBackups baseBackups;

    @Autowired
    PgBackRestConfig pgBackRestConfig;

    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aReplacementServerConfirmedByItsSystemIdentifierIsAdoptedAndItsWalArchivedAgain() throws Exception {
        // base backups are rate-limited per caller (2 a minute): each step is another DBA's
        String firstBackup = accepted(as("dba-before").post("/api/base-backups", ""));
        assertThat(awaitTiers(firstBackup)).as("the lost server's base backup").allSatisfy(t ->
                assertThat(t).as(String.valueOf(t.get("failure"))).containsEntry("status", "COMPLETED"));
        String lost = systemIdentifier();

        // the site is lost; a new cluster takes the server's address, its database made anew
        server.close();
        server = start(root.resolve("replacement"));
        String replacement = systemIdentifier();
        assertThat(replacement).isNotEqualTo(lost);

        String refusedBackup = accepted(as("dba-unaware").post("/api/base-backups", ""));
        assertThat(awaitTiers(refusedBackup)).as("pgBackRest refuses the new cluster into the lost one's stanza")
                .allSatisfy(t -> assertThat(t).containsEntry("status", "FAILED"));

        var mistaken = as("dba-mistaken").post("/api/base-backups", "{\"adoptServer\": \"1234567890123456789\"}");
        assertThat(mistaken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) mistaken.getBody().get("detail")).contains("system identifier is " + replacement,
                "not the 1234567890123456789 confirmed");
        var notAnIdentifier = as("dba-typo").post("/api/base-backups", "{\"adoptServer\": \"foodtruck\"}");
        assertThat(notAnIdentifier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        var adopting = as("dba-adopting").post("/api/base-backups", "{\"adoptServer\": \"" + replacement + "\"}");
        String adoption = accepted(adopting);
        assertThat(adopting.getBody()).containsEntry("tiers", List.of("primary", "secondary", "tertiary"));
        assertThat(awaitTiers(adoption)).as("the replacement's first base backup, in every tier").allSatisfy(t ->
                assertThat(t).as(String.valueOf(t.get("failure"))).containsEntry("status", "COMPLETED"));
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%BaseBackupStartedEvent' "
                        + "AND convert_from(payload, 'UTF8') LIKE ? AND convert_from(payload, 'UTF8') LIKE ? "
                        + "AND convert_from(payload, 'UTF8') LIKE ?")
                .params("%" + adoption + "%", "%\"adoptsSystemIdentifier\":\"" + replacement + "\"%",
                        "%\"previousSystemIdentifier\":\"" + lost + "\"%").query(Integer.class).single())
                .as("the started event names the cluster adopted and the one it replaces").isEqualTo(1);

        // the replacement's WAL reaches every tier's archive again
        String segment;
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE written_after_the_adoption (id int)");
            st.execute("INSERT INTO written_after_the_adoption VALUES (1)");
            try (ResultSet rs = st.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
                rs.next();
                segment = rs.getString(1);
            }
        }
        for (Repository tier : pgBackRestConfig.repositories()) {
            await(() -> baseBackups.newestArchivedSegment(tier), newest -> newest.compareTo(segment) >= 0,
                    "segment " + segment + " archived in the " + tier.tier() + " tier");
        }

        var again = as("dba-again").post("/api/base-backups", "{\"adoptServer\": \"" + replacement + "\"}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("detail")).contains("already serves this server");
    }

    /** The API as the DBA {@code caller} (every later request of {@link #http} too). */
    private BackupApi as(String caller) {
        return new BackupApi(http, caller);
    }

    private static String accepted(org.springframework.http.ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return (String) answer.getBody().get("backupId");
    }

    /** The base backup's rows once every tier has its outcome (or it failed before any). */
    private List<Map<String, Object>> awaitTiers(String backupId) throws InterruptedException {
        return await(() -> http.exchange("/api/base-backups?limit=1000", HttpMethod.GET, null,
                        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().stream()
                        .filter(r -> backupId.equals(r.get("backupId"))).toList(),
                rows -> rows.size() == 3 || rows.stream().anyMatch(r -> "-".equals(r.get("repository"))),
                "base backup " + backupId + " in every tier");
    }

    private static String systemIdentifier() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect() throws Exception {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/foodtruck", "postgres", "");
    }

    private static <T> T await(java.util.concurrent.Callable<T> read, Predicate<T> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        T last = null;
        while (true) {
            try {
                last = read.call();
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                last = null;
            }
            assertThat(System.nanoTime()).as("waiting for %s: %s", what, last).isLessThan(deadline);
            Thread.sleep(300);
        }
    }
}
