package org.drcc.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manifest's table checksum on a real PostgreSQL: blind to row order, not to any changed row. */
@WithEngines(database = "backup")
class ManifestIT {

    private PgTarget server;
    private PgTarget db;

    @BeforeEach
    void createDatabase() throws Exception {
        server = new PgTarget(System.getProperty("spring.datasource.url"), "postgres", "");
        String name = "manifest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PgServer.create(server, name);
        db = server.withDatabase(name);
        sql("CREATE TABLE dish (id int PRIMARY KEY, name text, price numeric(8, 2), served timestamptz)",
                "INSERT INTO dish SELECT i, 'dish ' || i, i * 1.5, '2026-01-01'::timestamptz + i * interval '1 hour' "
                        + "FROM generate_series(1, 5000) i",
                "CREATE TABLE \"Odd Name\" (x int)", "INSERT INTO \"Odd Name\" VALUES (1), (1), (2)",
                // json and point have no hash function: this table is hashed by its rows' text
                "CREATE TABLE menu (id int, doc json, spot point)",
                "INSERT INTO menu SELECT i, json_build_object('dish', i), point(i, i) FROM generate_series(1, 50) i");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        PgServer.drop(server, db.databaseName());
    }

    @Test
    void theSameRowsInAnotherPhysicalOrderHaveTheSameChecksum() throws Exception {
        List<TableChecksum> before = new ParallelManifest(db, null, 2).read();
        sql("CREATE TABLE dish2 AS SELECT * FROM dish ORDER BY id DESC", "DROP TABLE dish",
                "ALTER TABLE dish2 RENAME TO dish");
        assertThat(new ParallelManifest(db, null, 2).read()).isEqualTo(before);
        assertThat(before).extracting(TableChecksum::table).containsExactly("public.\"Odd Name\"", "public.dish", "public.menu");
        assertThat(before).extracting(TableChecksum::rows).containsExactly(3L, 5000L, 50L);
    }

    @Test
    void oneChangedRemovedOrDuplicatedRowChangesTheChecksum() throws Exception {
        String original = checksumOf("public.dish");
        sql("UPDATE dish SET price = price + 0.01 WHERE id = 4321");
        String changed = checksumOf("public.dish");
        assertThat(changed).isNotEqualTo(original);
        sql("UPDATE dish SET price = price - 0.01 WHERE id = 4321");
        assertThat(checksumOf("public.dish")).as("back as it was").isEqualTo(original);

        String odd = checksumOf("public.\"Odd Name\"");
        sql("DELETE FROM \"Odd Name\" WHERE x = 2", "INSERT INTO \"Odd Name\" VALUES (1)");
        assertThat(checksumOf("public.\"Odd Name\"")).as("same count, a duplicate instead of a row")
                .isNotEqualTo(odd);
    }

    @Test
    void aTableWithUnhashableColumnsIsStillChecked() throws Exception {
        List<TableChecksum> before = new ParallelManifest(db, null, 2).read();
        assertThat(new ParallelManifest(db, null, 2).read()).as("the fallback does not break the shared snapshot")
                .isEqualTo(before);
        String menu = checksumOf("public.menu");
        sql("UPDATE menu SET doc = json_build_object('dish', 0) WHERE id = 7");
        assertThat(checksumOf("public.menu")).isNotEqualTo(menu);
    }

    @Test
    void aManifestReadInAnExportedSnapshotIgnoresWhatChangedSince() throws Exception {
        try (Connection exporter = db.connect()) {
            exporter.setAutoCommit(false);
            exporter.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (Statement s = exporter.createStatement(); var rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            List<TableChecksum> atSnapshot = new ParallelManifest(db, null, 1).read();
            sql("DELETE FROM dish WHERE id > 100");
            assertThat(new ParallelManifest(db, snapshot, 2).read()).isEqualTo(atSnapshot);
            exporter.rollback();
        }
    }

    private String checksumOf(String table) throws Exception {
        return new ParallelManifest(db, null, 1).read().stream().filter(t -> t.table().equals(table)).findFirst()
                .orElseThrow().md5();
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
