package org.drcc.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Continuous WAL archiving of the embedded PostgreSQL server by pgBackRest, the field's tool for point-in-time
 * recovery. The server only names the command; backup-service writes pgBackRest's configuration (the three tiers'
 * repositories, from its {@code dr.s3} settings) into {@link #configDir} and drives the tool. Until it has, a
 * WAL segment's archiving fails and the server keeps the segment and tries again, so nothing is lost.
 */
public final class WalArchive {

    /** pgBackRest's name for the protected server's cluster. */
    public static final String STANZA = "protected";
    /**
     * The repositories' encryption passphrase, in the data folder's {@code keys/} beside the other keys: without it the
     * archived WAL and the base backups cannot be read, so it goes off-site with them.
     */
    public static final String PASSPHRASE_FILE = "pitr-cipher.pass";
    /** pgBackRest's configuration file in {@link #configDir}, which backup-service writes. */
    public static final String CONFIG_FILE = "pgbackrest.conf";
    /** Switch to a new WAL segment at least this often when anything was written: the RPO of a quiet server. */
    static final String ARCHIVE_TIMEOUT = "60s";

    private WalArchive() {
    }

    /** pgBackRest's configuration: {@code pgbackrest.conf}, and {@code conf.d/} for its secrets (mode 0600). */
    public static Path configDir(Path dataDir) {
        return dataDir.resolve("pgbackrest");
    }

    /** The passphrase file of a data folder. */
    public static Path passphraseFile(Path dataDir) {
        return dataDir.resolve("keys").resolve(PASSPHRASE_FILE);
    }

    /** The server's {@code archive_command} (run by a shell: the paths are quoted, a data folder may have spaces). */
    static String archiveCommand(Path dataDir) {
        Path dir = configDir(dataDir).toAbsolutePath();
        return "pgbackrest \"--config=" + dir.resolve(CONFIG_FILE) + "\" \"--config-include-path="
                + dir.resolve("conf.d") + "\" --stanza=" + STANZA + " archive-push %p";
    }

    /**
     * Forgets the configuration an earlier start left in the data folder. It names that start's S3 endpoint, and the
     * embedded S3 server's HTTPS port, which pgBackRest uses, is chosen anew at every start: the server's archiver,
     * which starts pushing the segments left over at once, would try the old port again and again for many minutes,
     * and meanwhile PostgreSQL 15 holds every DROP DATABASE until the archiver is back (its ProcSignalBarrier), so
     * that backup-service's verifications and restores over a database hang. Without it, a push fails at once
     * and is tried again (nothing is lost) until backup-service, as it starts, writes this start's configuration.
     */
    static void forgetEarlierStartsConfiguration(Path dataDir) throws IOException {
        Files.deleteIfExists(configDir(dataDir).resolve(CONFIG_FILE));
    }

    /**
     * After a kill -9 of the server, its archiver may still wait on an archive push of this data folder (pgBackRest
     * retries an S3 that is gone for up to its I/O timeout), holding the old server's shared memory, so that a new
     * server on the same folder refuses to start. Those pushes are stopped: the segment was not archived, stays in
     * {@code pg_wal}, and the new server archives it again.
     */
    static void stopOrphanedPushes(Path dataDir) {
        String config = "--config=" + configDir(dataDir).toAbsolutePath().resolve(CONFIG_FILE);
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(config)).orElse(false))
                .forEach(ChildProcess::terminate);
    }
}
