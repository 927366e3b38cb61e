package org.drcc.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.PostgresEngine;
import org.drcc.testsupport.LeastPrivilegeServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles of deploy/postgres/least-privilege.psql, made by init.sh as docker-compose runs it on a fresh
 * PostgreSQL server (with the demo foodtruck), and the kit's event store and
 * audit trail migrated by the migrating role as a service does: the role a service runs as adds events and reads
 * them, and nothing else it tries on the trail or outside its database gets through.
 */
class LeastPrivilegeIT {

    @TempDir
    static Path dir;
    static PostgresEngine postgres;

    @BeforeAll
    static void rolesAndATrail() throws Exception {
        postgres = PostgresEngine.start(EngineSettings.forTests(dir));
        // what docker-compose's PostgreSQL runs on its first start: init.sh, with the roles' passwords and a demo
        LeastPrivilegeServer.init(postgres);

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
            assertThat(count(app, "SELECT count(*) FROM event_chain_pending")).as("queued by the trigger").isEqualTo(1);
            assertThat(count(app, "SELECT link_pending(500, true)")).as("linked through the linker's function").isEqualTo(1);
            assertThat(count(app, "SELECT count(*) FROM event_chain")).isEqualTo(1);
            assertThat(count(app, "SELECT count(*) FROM event_chain_pending")).isZero();
        }
    }

    @Test
    void theServiceRoleWritesTheLinksTheHeadAndTheQueueOnlyThroughTheLinker() throws SQLException {
        try (Connection app = connect("incident", "incident_app")) {
            assertThatThrownBy(() -> execute(app, "INSERT INTO event_chain VALUES (99, 99, 'forged', '\\x00', '\\x00')"))
                    .hasMessageContaining("permission denied for table event_chain");
            assertThatThrownBy(() -> execute(app, "UPDATE event_chain_head SET chain_seq = 0"))
                    .hasMessageContaining("permission denied for table event_chain_head");
            assertThatThrownBy(() -> execute(app, "DELETE FROM event_chain_pending"))
                    .hasMessageContaining("permission denied for table event_chain_pending");
            assertThatThrownBy(() -> execute(app, "INSERT INTO event_chain_pending VALUES (99)"))
                    .hasMessageContaining("permission denied for table event_chain_pending");
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
            // it may become the owner for a restore (through dr_restore), but holds none of the owner's rights till then
            assertThatThrownBy(() -> execute(backup, "DELETE FROM processed_event"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(backup, "ALTER TABLE DomainEventEntry DISABLE TRIGGER domain_event_append_only"))
                    .hasMessageContaining("must be owner");
        }
        try (Connection backup = connect("keycloak", "dr_backup")) {
            assertThat(count(backup, "SELECT count(*) FROM pg_tables")).as("dr_backup reaches the identity provider's database, to back it up")
                    .isPositive();
        }
    }

    @Test
    void theDemoApplicationIsThereForTheDrillsOwnedByItsOwnerAndTheBackupRoleReadsIt() throws SQLException {
        try (Connection backup = connect("foodtruck", "dr_backup")) {
            assertThat(count(backup, "SELECT count(*) FROM truck")).as("pg_dump reads it").isPositive();
            assertThat(count(backup, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tableowner <> 'foodtruck_owner'")).as("every table the owner's").isZero();
        }
        assertThatThrownBy(() -> connect("foodtruck", "incident_app").close())
                .hasMessageContaining("permission denied for database \"foodtruck\"");
    }

    private static String password(String role) {
        return LeastPrivilegeServer.password(role);
    }

    private static Connection connect(String database, String role) throws SQLException {
        return LeastPrivilegeServer.connect(postgres, database, role);
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
