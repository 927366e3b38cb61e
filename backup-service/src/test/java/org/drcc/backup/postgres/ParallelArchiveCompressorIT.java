package org.drcc.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive compressed on several cores is the archive pg_dump -Fc writes: pg_restore reads the same
 * schema and data from it (tables over many segments, an empty table, binary data, a large object),
 * restores it with parallel jobs, and it is about as small.
 */
@WithEngines(database = "backup")
class ParallelArchiveCompressorIT {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    /** small segments, so that one table's data spans many of them */
    private final ParallelArchiveCompressor compressor = new ParallelArchiveCompressor(workers, 2, 64 * 1024);

    private static PgTarget server;
    /** The database every test dumps, made once for the class: the tests only read it. */
    private static PgTarget db;
    private static final List<String> databases = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws Exception {
        server = new PgTarget(System.getProperty("spring.datasource.url"), "postgres", "");
        db = newDatabase();
        sql(db, "CREATE TABLE dish (id int PRIMARY KEY, name text, price numeric(8, 2), photo bytea)",
                "INSERT INTO dish SELECT i, 'dish ' || i || ' crème brûlée ' || md5(i::text), i * 1.5, "
                        + "decode(md5(i::text) || md5((i * 7)::text), 'hex') FROM generate_series(1, 40000) i",
                "CREATE TABLE nothing_yet (id int)",
                "CREATE TABLE truck (id int, plate text)", "INSERT INTO truck VALUES (1, 'FT-001'), (2, NULL)",
                "SELECT lo_from_bytea(0, convert_to(repeat('menu card ', 20000), 'UTF8'))");
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        for (String name : databases) {
            PgServer.drop(server, name);
        }
    }

    @Test
    void pgRestoreReadsTheSameSchemaAndDataAsFromPgDumpsOwnCompression() throws Exception {
        byte[] own = dump(db, false);
        byte[] ours = compress(dump(db, true));

        assertThat(script(ours)).isEqualTo(script(own)).contains("crème brûlée", "FT-001", "lowrite");
        assertThat(list(ours)).contains("Compression: -1");
        assertThat((double) ours.length).as("as small as pg_dump's own, within 5%%")
                .isCloseTo(own.length, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void itRestoresWithParallelJobsIntoANewDatabase() throws Exception {
        Path archive = Files.write(dir.resolve("ours.dump"), compress(dump(db, true)));
        PgTarget restored = newDatabase();

        run(List.of("pg_restore", "--no-owner", "--jobs=2", "--exit-on-error", "--dbname=" + restored.libpqUri(),
                archive.toString()), restored);

        assertThat(new ParallelManifest(restored, null, 1).read()).isEqualTo(new ParallelManifest(db, null, 1).read());
        assertThat(query(restored, "SELECT length(lo_get(oid)) FROM pg_largeobject_metadata")).isEqualTo("200000");
    }

    @Test
    void anArchivePgDumpAlreadyCompressedPassesThroughUnchanged() throws Exception {
        byte[] own = dump(db, false);
        assertThat(compress(own)).isEqualTo(own);
    }

    @Test
    void anArchiveThatEndsEarlySaysSo() throws Exception {
        byte[] archive = dump(db, true);
        byte[] cut = Arrays.copyOf(archive, archive.length - 1000);
        assertThatThrownBy(() -> compress(cut)).isInstanceOf(EOFException.class).hasMessageContaining("ends early");
    }

    private byte[] compress(byte[] archive) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(archive), out);
        return out.toByteArray();
    }

    /** pg_dump -Fc to a pipe, as the backups run it; {@code uncompressed}: with --compress=0. */
    private byte[] dump(PgTarget database, boolean uncompressed) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-password"));
        if (uncompressed) {
            command.add("--compress=0");
        }
        command.add("--dbname=" + database.libpqUri());
        return run(command, database);
    }

    /** What pg_restore would run: the archive as a script, without its random \restrict keys. */
    private String script(byte[] archive) throws Exception {
        Path file = Files.write(dir.resolve(UUID.randomUUID() + ".dump"), archive);
        return new String(run(List.of("pg_restore", "--file=-", file.toString()), db), StandardCharsets.UTF_8)
                .lines().filter(l -> !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict"))
                .collect(Collectors.joining("\n"));
    }

    private String list(byte[] archive) throws Exception {
        Path file = Files.write(dir.resolve(UUID.randomUUID() + ".dump"), archive);
        return new String(run(List.of("pg_restore", "--list", file.toString()), db), StandardCharsets.UTF_8);
    }

    private static byte[] run(List<String> command, PgTarget database) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(database.environment());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return out;
    }

    private static PgTarget newDatabase() throws Exception {
        String name = "compress_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PgServer.create(server, name);
        databases.add(name);
        return server.withDatabase(name);
    }

    private static void sql(PgTarget database, String... statements) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String query(PgTarget database, String sql) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
