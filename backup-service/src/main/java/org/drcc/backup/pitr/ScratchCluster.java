package org.drcc.backup.pitr;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.drcc.backup.postgres.PgTarget;

/**
 * A temporary PostgreSQL cluster on a free loopback port, from a data directory pgBackRest restored, started with
 * the PostgreSQL 15 binaries the suite embeds (the same as the protected server's). It replays the WAL up to the
 * recovery target and promotes itself; archiving stays off so it never writes into the protected server's
 * archive. Closing it stops the server and deletes its directory.
 */
final class ScratchCluster implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path dataDir;
    private EmbeddedPostgres postgres;

    private ScratchCluster(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** An empty directory (0700, as PostgreSQL wants it) for pgBackRest to restore into. */
    static ScratchCluster allocate() throws IOException {
        return new ScratchCluster(Files.createTempDirectory("drcc-pitr-"));
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the restored cluster and waits until its recovery has ended (promoted) or {@code timeout} passed. */
    void start(Duration timeout, Path log) throws IOException, SQLException, InterruptedException {
        // the protected server's own rules may ask for passwords this service does not hold; the scratch cluster
        // listens on loopback only, for this service alone
        Files.writeString(dataDir.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(freePort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("archive_mode", "off")
                .setPGStartupWait(timeout)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inRecovery()) {
            if (System.nanoTime() > deadline) {
                throw new PgBackRestException("the restored cluster was still recovering after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private boolean inRecovery() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The commit time of the last transaction the recovery replayed: the instant the data is from. */
    Instant lastReplayedCommit() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_last_xact_replay_timestamp()")) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return t == null ? null : t.toInstant();
        }
    }

    PgTarget database(String name) {
        return new PgTarget("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name, USER, "");
    }

    @Override
    public void close() throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (Files.exists(dataDir)) {
                try (Stream<Path> paths = Files.walk(dataDir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
