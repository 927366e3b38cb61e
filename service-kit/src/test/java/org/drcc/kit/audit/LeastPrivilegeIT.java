package org.drcc.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.PostgresEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles of deploy/postgres/least-privilege.psql on a fresh PostgreSQL server, with the kit's event store and
 * audit trail migrated by the migrating role as a service does: the role a service runs as adds events and reads
 * them, and nothing else it tries on the trail or outside its database gets through.
 */
class LeastPrivilegeIT {

    private static final List<String> ROLES = List.of("incident_migrator", "incident_app", "backup_migrator",
            "backup_app", "notification_migrator", "notification_app", "metrics_migrator", "metrics_app",
            "keyring_app", "dr_backup");

    @TempDir
    static Path dir;
    static PostgresEngine postgres;

    @BeforeAll
    static void rolesAndATrail() throws Exception {
        postgres = PostgresEngine.start(EngineSettings.forTests(dir));
        List<String> psql = new ArrayList<>(List.of("psql", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", "" + postgres.port(), "-U", PostgresEngine.USER, "-d", "postgres"));
        ROLES.forEach(role -> psql.addAll(List.of("-v", role + "_password=" + password(role))));
        psql.addAll(List.of("-f", Path.of("..", "deploy", "postgres", "least-privilege.psql").toString()));
        Process process = new ProcessBuilder(psql).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("psql -f least-privilege.psql:\n" + out).isZero();

        Flyway.configure().dataSource(postgres.jdbcUrl("incident"), "incident_migrator", password("incident_migrator"))
                .locations("classpath:db/kit", "classpath:db/axon", "classpath:db/audit").load().migrate();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServiceRoleAddsAndReadsEventsAndTheChainLinksThem() throws SQLException {
        try (Connection app = connect("incident", "incident_app")) {
            execute(app, """
                    INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                                                  payloadType, timeStamp)
                    VALUES ('incident-1', 0, 'Incident', 'event-1', '\\x7b7d', 'x', '2026-11-30T10:00:00Z')""");
            assertThat(count(app, "SELECT count(*) FROM DomainEventEntry")).isEqualTo(1);
            assertThat(count(app, "SELECT count(*) FROM event_chain")).as("linked by the trigger").isEqualTo(1);
        }
    }

    @Test
    void theServiceRoleCanNeitherChangeTheTrailNorTurnItsGuardsOff() throws SQLException {
        try (Connection app = connect("incident", "incident_app")) {
            // refused by the grants, before any trigger runs
            assertThatThrownBy(() -> execute(app, "UPDATE DomainEventEntry SET payload = '\\x00'"))
                    .hasMessageContaining("permission denied for table domainevententry");
            assertThatThrownBy(() -> execute(app, "DELETE FROM event_chain"))
                    .hasMessageContaining("permission denied for table event_chain");
            assertThatThrownBy(() -> execute(app, "TRUNCATE chain_checkpoint"))
                    .hasMessageContaining("permission denied for table chain_checkpoint");
            assertThatThrownBy(() -> execute(app, "ALTER TABLE DomainEventEntry DISABLE TRIGGER domain_event_append_only"))
                    .hasMessageContaining("must be owner of table domainevententry");
            assertThatThrownBy(() -> execute(app, "DROP TRIGGER domain_event_append_only ON DomainEventEntry"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> execute(app, "CREATE TABLE shadow (x int)"))
                    .hasMessageContaining("permission denied for schema public");
        }
    }

    @Test
    void aServiceRoleReachesNoOtherDatabaseAndTheBackupRoleOnlyReads() throws SQLException {
        assertThatThrownBy(() -> connect("backup", "incident_app").close())
                .hasMessageContaining("permission denied for database \"backup\"");
        assertThatThrownBy(() -> connect("keyring", "metrics_app").close())
                .hasMessageContaining("permission denied for database \"keyring\"");
        try (Connection backup = connect("incident", "dr_backup")) {
            assertThat(count(backup, "SELECT count(*) FROM flyway_schema_history")).as("pg_dump reads all").isPositive();
            assertThatThrownBy(() -> execute(backup, "DELETE FROM processed_event"))
                    .hasMessageContaining("permission denied");
        }
    }

    private static String password(String role) {
        return "pw-" + role;
    }

    private static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), role, password(role));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
