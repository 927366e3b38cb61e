package org.drcc.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.PostgresEngine;
import org.drcc.testsupport.LeastPrivilegeServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores as docker-compose runs them: backup-service connects as {@code dr_backup}, not as a superuser nor as the
 * owner, on a server set up by deploy/postgres/init.sh. A restored database, a new copy or the live one replaced, is
 * owned as the original (the command centre's by its migrating role, foodtruck by foodtruck_owner), and the service's
 * runtime role keeps its grants: it adds and reads events, and, once the service started, cannot change them.
 */
class LeastPrivilegeRestoreIT {

    @TempDir
    static Path dir;
    static PostgresEngine postgres;
    static final PgTools TOOLS = new PgTools(null);

    @BeforeAll
    static void aServerAsComposeMakesIt() throws Exception {
        postgres = PostgresEngine.start(EngineSettings.forTests(dir));
        LeastPrivilegeServer.init(postgres);
        // incident-service's store, migrated by its migrating role, with one event its runtime role added
        Flyway.configure().dataSource(postgres.jdbcUrl("incident"), "incident_migrator",
                LeastPrivilegeServer.password("incident_migrator"))
                .locations("classpath:db/kit", "classpath:db/axon", "classpath:db/audit").load().migrate();
        try (Connection app = LeastPrivilegeServer.connect(postgres, "incident", "incident_app")) {
            addEvent(app, "event-1");
        }
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aCopyOfTheCommandCentresDatabaseIsOwnedAsTheOriginalAndItsRuntimeRoleKeepsItsGrants() throws Exception {
        TOOLS.restore(asBackupRole("incident"), "incident_copy", dump("incident"), 2, false, 1);

        assertOwnedBy("incident_copy", "incident_migrator");
        assertTheRuntimeRoleKeepsItsGrants("incident_copy");
    }

    @Test
    void theLiveDatabaseReplacedAfterAConfirmedRequestStaysOwnedByItsOwnerWithItsGrants() throws Exception {
        Path archive = dump("incident");
        try (Connection app = LeastPrivilegeServer.connect(postgres, "incident", "incident_app")) {
            addEvent(app, "event-after-the-dump");
        }

        TOOLS.restore(asBackupRole("incident"), "incident", archive, 2, true, 1);

        assertOwnedBy("incident", "incident_migrator");
        try (Connection app = LeastPrivilegeServer.connect(postgres, "incident", "incident_app")) {
            assertThat(count(app, "SELECT count(*) FROM DomainEventEntry WHERE eventIdentifier = 'event-after-the-dump'"))
                    .as("the database is as it was at the dump").isZero();
        }
        assertTheRuntimeRoleKeepsItsGrants("incident");
    }

    @Test
    void theProtectedDatabaseIsRestoredOwnedByItsOwner() throws Exception {
        TOOLS.restore(asBackupRole("foodtruck"), "foodtruck_copy", dump("foodtruck"), 2, false, 1);

        assertOwnedBy("foodtruck_copy", "foodtruck_owner");
        try (Connection backup = LeastPrivilegeServer.connect(postgres, "foodtruck_copy", "dr_backup")) {
            assertThat(count(backup, "SELECT count(*) FROM truck")).isPositive();
        }
    }

    private static PgTarget asBackupRole(String database) {
        return new PgTarget(postgres.jdbcUrl(database), "dr_backup", LeastPrivilegeServer.password("dr_backup"));
    }

    /** pg_dump -Fc as dr_backup, as a backup takes it. */
    private static Path dump(String database) throws Exception {
        Path archive = dir.resolve(database + "-" + System.nanoTime() + ".dump");
        ProcessBuilder dump = new ProcessBuilder("pg_dump", "--format=custom", "--no-password",
                "--dbname=" + asBackupRole(database).libpqUri(), "--file=" + archive).redirectErrorStream(true);
        dump.environment().putAll(asBackupRole(database).environment());
        Process process = dump.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return archive;
    }

    private static void assertOwnedBy(String database, String owner) throws SQLException {
        try (Connection c = LeastPrivilegeServer.connect(postgres, database, "dr_backup")) {
            assertThat(count(c, "SELECT count(*) FROM pg_database WHERE datname = current_database() "
                    + "AND pg_get_userbyid(datdba) = '" + owner + "'")).as("the database's owner").isOne();
            assertThat(count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isPositive();
            assertThat(count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '" + owner
                    + "'")).as("every table owned by " + owner + ", none by dr_backup").isZero();
        }
    }

    private static void assertTheRuntimeRoleKeepsItsGrants(String database) throws SQLException {
        try (Connection app = LeastPrivilegeServer.connect(postgres, database, "incident_app")) {
            assertThat(count(app, "SELECT count(*) FROM DomainEventEntry WHERE eventIdentifier = 'event-1'"))
                    .as("it reads the restored events").isOne();
            addEvent(app, "event-" + database + "-restored");
            // the owner's default privileges may have granted more on the tables the restore created; the append-only
            // trigger refuses a change all the same ...
            assertThatThrownBy(() -> execute(app, "UPDATE DomainEventEntry SET payload = '\\x00'"))
                    .hasMessageMatching("(?s).*(permission denied|append-only).*");
        }
        // ... and the service's start (Flyway as the migrating role) takes them back, as after any migration
        Flyway.configure().dataSource(postgres.jdbcUrl(database), "incident_migrator",
                LeastPrivilegeServer.password("incident_migrator"))
                .locations("classpath:db/kit", "classpath:db/axon", "classpath:db/audit").load().migrate();
        try (Connection app = LeastPrivilegeServer.connect(postgres, database, "incident_app")) {
            assertThatThrownBy(() -> execute(app, "UPDATE DomainEventEntry SET payload = '\\x00'"))
                    .as("as before the restore, it cannot change them").hasMessageContaining("permission denied");
        }
    }

    private static void addEvent(Connection app, String id) throws SQLException {
        execute(app, """
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                                              payloadType, timeStamp)
                VALUES ('incident-%s', 0, 'Incident', '%s', '\\x7b7d', 'x', '2026-11-30T10:00:00Z')""".formatted(id, id));
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
