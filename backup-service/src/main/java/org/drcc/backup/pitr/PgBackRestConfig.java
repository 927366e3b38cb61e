package org.drcc.backup.pitr;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.storage.S3Properties;
import org.drcc.kit.keys.KeyFiles;
import org.drcc.kit.s3.S3Settings;

/**
 * Writes pgBackRest's configuration: the three tiers as S3 repositories (from the {@code dr.s3} settings, so the
 * WAL and base backups go where the dumps go), encrypted (aes-256-cbc), and the protected server's cluster as the
 * stanza (its data directory, port and socket, asked of the server; on another machine, reached through the
 * pgBackRest TLS server there). Secrets (the S3 keys and the encryption
 * passphrase) go to {@code conf.d/secrets.conf}, readable by its owner only; pgBackRest redacts them in its logs.
 */
public final class PgBackRestConfig {

    /**
     * How the server's {@code archive_command} pushes WAL, the same here and in compose's
     * {@code deploy/pgbackrest/pgbackrest-postgres.sh}. Asynchronously: one run of pgBackRest takes every segment the
     * server has ready, and pushes each to every tier that answers. A synchronous push ends with an error when one tier
     * fails, and the server then offers the same segment again and no later one. The tiers that still answer would get
     * one segment ahead of the lost tier and no further, so a regional disaster that took the primary bucket would also
     * stop point-in-time recovery from the other two at the moment of the loss ({@code PointInTimeRecoveryIT}). The
     * server still keeps each segment until every tier has it (pgBackRest reports the lost tier's error), so nothing
     * is lost when the tier comes back. {@code archive-timeout} bounds how long one {@code archive_command} waits for
     * the background push of its segment before the server tries again: the server's archiver, and with it every
     * {@code DROP DATABASE} on the server, waits on it meanwhile. Backups and checks keep the global 300 s.
     */
    static final String ARCHIVE_PUSH = """
            [global:archive-push]
            archive-async=y
            archive-timeout=30
            """;

    private final PitrSettings settings;
    private final S3Settings s3;
    private final S3Properties.Buckets buckets;

    public PgBackRestConfig(PitrSettings settings, S3Settings s3, S3Properties.Buckets buckets) {
        this.settings = settings;
        this.s3 = s3;
        this.buckets = buckets;
    }

    public List<Repository> repositories() {
        return List.of(new Repository(1, "primary", buckets.primary()), new Repository(2, "secondary", buckets.secondary()),
                new Repository(3, "tertiary", buckets.tertiary()));
    }

    /** Whether the configuration names the protected server (its data directory, or the host it is reached on). */
    public boolean namesServer() {
        try {
            return Files.readAllLines(configFile()).stream()
                    .anyMatch(l -> l.startsWith("pg1-path=") || l.startsWith("pg1-host="));
        } catch (IOException missing) {
            return false;
        }
    }

    public Path configFile() {
        return settings.configDir().resolve("pgbackrest.conf");
    }

    public Path includeDir() {
        return settings.configDir().resolve("conf.d");
    }

    /**
     * Writes both files (each replaced whole, so the server's archive command never reads half of one). Without a
     * {@code server} (null: it cannot be reached, lost with its site) the stanza names no server: enough for what
     * reads the repositories alone ({@code info}, and a {@code restore} given its {@code --pg1-path}).
     */
    public void write(PgTarget server) throws IOException, SQLException {
        String cipherPass = cipherPass();
        Files.createDirectories(includeDir());
        StringBuilder conf = new StringBuilder("[global]\n");
        StringBuilder secrets = new StringBuilder("[global]\n");
        Path dir = settings.configDir().toAbsolutePath();
        line(conf, "log-path", dir.resolve("log"));
        line(conf, "lock-path", dir.resolve("lock"));
        line(conf, "spool-path", dir.resolve("spool"));
        line(conf, "log-level-file", "info");
        line(conf, "process-max", settings.processMax());
        // an immediate checkpoint: the backup starts now rather than at the server's next checkpoint
        line(conf, "start-fast", "y");
        // a backup (or a check) waits for its WAL segment in the archive; after a burst of writes the archiver may
        // have a backlog to push to three S3 repositories first, which 60 s (the default) does not always cover
        line(conf, "archive-timeout", 300);
        for (Repository repo : repositories()) {
            S3Settings.Store store = s3.store(repo.tier());
            line(conf, repo.option("type"), "s3");
            line(conf, repo.option("path"), "/pgbackrest");
            line(conf, repo.option("s3-bucket"), repo.bucket());
            line(conf, repo.option("s3-endpoint"), endpoint(store.endpoint()));
            line(conf, repo.option("s3-region"), store.region());
            line(conf, repo.option("s3-uri-style"), "path");
            line(conf, repo.option("storage-verify-tls"), settings.verifyTls() ? "y" : "n");
            if (settings.s3CaFile() != null) {
                line(conf, repo.option("storage-ca-file"), settings.s3CaFile().toAbsolutePath());
            }
            line(conf, repo.option("cipher-type"), "aes-256-cbc");
            // many small files in one object each: far fewer requests to S3, the slow part of a small cluster's backup
            line(conf, repo.option("bundle"), "y");
            // retention is the database's GFS policy (BaseBackups), not pgBackRest's count of full backups
            line(conf, repo.option("retention-full-type"), "count");
            line(conf, repo.option("retention-full"), 9999999);
            line(secrets, repo.option("s3-key"), store.accessKey());
            line(secrets, repo.option("s3-key-secret"), store.secretKey());
            line(secrets, repo.option("cipher-pass"), cipherPass);
        }
        conf.append('\n').append(ARCHIVE_PUSH);
        conf.append("\n[").append(settings.stanza()).append("]\n");
        if (server == null) {
            replace(configFile(), conf.toString(), false);
            replace(includeDir().resolve("secrets.conf"), secrets.toString(), true);
            return;
        }
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            line(conf, "pg1-path", show(s, "data_directory"));
            line(conf, "pg1-port", show(s, "port"));
            line(conf, "pg1-socket-path", show(s, "unix_socket_directories").split(",")[0].trim());
        }
        if (settings.pgHost() == null || settings.pgHost().isBlank()) {
            line(conf, "pg1-user", server.username());
        } else {
            // the server is another machine: its data directory through the pgBackRest TLS server there, which
            // connects to it over its socket as the server's own operating-system user (pg1-user's default)
            Path tls = settings.pgHostTlsDir().toAbsolutePath();
            line(conf, "pg1-host", settings.pgHost());
            line(conf, "pg1-host-type", "tls");
            line(conf, "pg1-host-ca-file", tls.resolve("ca.crt"));
            line(conf, "pg1-host-cert-file", tls.resolve("client.crt"));
            line(conf, "pg1-host-key-file", tls.resolve("client.key"));
        }
        replace(configFile(), conf.toString(), false);
        replace(includeDir().resolve("secrets.conf"), secrets.toString(), true);
    }

    /** The endpoint's host and port: {@code dr.backup.pitr.s3-endpoint} when set, else the tier's own. */
    private String endpoint(URI tierEndpoint) {
        if (settings.s3Endpoint() != null && !settings.s3Endpoint().isBlank()) {
            return settings.s3Endpoint();
        }
        if (tierEndpoint == null) {
            return "s3.amazonaws.com";
        }
        return tierEndpoint.getPort() < 0 ? tierEndpoint.getHost() : tierEndpoint.getHost() + ":" + tierEndpoint.getPort();
    }

    /** The passphrase file, read or (where keys may be created) made as every key of the suite is ({@link KeyFiles}). */
    private String cipherPass() {
        Path file = settings.cipherPassFile();
        if (file == null) {
            throw new IllegalStateException("dr.backup.pitr.cipher-pass-file is not set: the repositories' passphrase");
        }
        String pass = new String(new KeyFiles(settings.createMissingKey()).readOrCreate(file,
                "dr.backup.pitr.cipher-pass-file", PgBackRestConfig::newPassphrase), StandardCharsets.UTF_8).strip();
        if (pass.length() < 20) {
            throw new IllegalStateException("dr.backup.pitr.cipher-pass-file: " + file + " holds no passphrase of 20 "
                    + "characters or more");
        }
        return pass;
    }

    private static byte[] newPassphrase() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return (HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void line(StringBuilder conf, String option, Object value) {
        conf.append(option).append('=').append(value).append('\n');
    }

    private static void replace(Path file, String content, boolean secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (secret) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
