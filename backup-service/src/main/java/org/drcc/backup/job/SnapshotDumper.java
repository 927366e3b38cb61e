package org.drcc.backup.job;

import java.io.EOFException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.drcc.backup.encryption.DumpEnvelopes;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.postgres.ParallelArchiveCompressor;
import org.drcc.backup.postgres.ParallelManifest;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.postgres.ToolProcess;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.StoredObject;
import org.drcc.contract.backup.TableChecksum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Streams {@code pg_dump -Fc} of a database to S3, and reads its manifest from the very snapshot the
 * dump was taken from ({@code pg_export_snapshot} + {@code pg_dump --snapshot}), so the row counts
 * and checksums describe exactly what the dump holds, however busy the database is.
 */
@Component
class SnapshotDumper {

    private static final Logger log = LoggerFactory.getLogger(SnapshotDumper.class);

    private final PgTools tools;
    private final ObjectStore store;
    private final ParallelArchiveCompressor compressor;
    private final DumpEnvelopes envelopes;

    SnapshotDumper(PgTools tools, ObjectStore store, BackupProperties properties,
                   ParallelArchiveCompressor compressor, DumpEnvelopes envelopes) {
        this.envelopes = envelopes;
        this.tools = tools;
        this.store = store;
        this.compressor = properties.parallelCompression() ? compressor : null;
    }

    /**
     * Dumps {@code database} (the protected database {@code name}) into {@code bucket}/{@code key}, encrypted on the
     * way with the active key (the object holds only ciphertext; its SHA-256 and size are the ciphertext's).
     */
    Dump dump(PgTarget database, String name, String backupId, String bucket, String key) throws Exception {
        String keyId = envelopes.activeKeyId();
        boolean compressHere = compressor != null
                && ParallelArchiveCompressor.readsArchivesOf(tools.dumpMajorVersion());
        long connecting = System.nanoTime();
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshotId;
            Instant snapshotAt;
            String serverVersion;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_export_snapshot(), now(), current_setting('server_version')")) {
                rs.next();
                snapshotId = rs.getString(1);
                snapshotAt = rs.getTimestamp(2).toInstant();
                serverVersion = rs.getString(3);
            }
            // the manifest is read while the dump streams (the snapshot stays importable while c's transaction is open)
            long start = System.nanoTime();
            log.debug("Snapshot for {} exported in {} ms", key, (start - connecting) / 1_000_000);
            ParallelManifest manifest = ParallelManifest.besideDump(database, snapshotId);
            CompletableFuture<List<TableChecksum>> tables = manifest.start();
            tables.thenRun(() -> log.debug("Manifest of {} read in {} ms", key, (System.nanoTime() - start) / 1_000_000));
            StoredObject object;
            try (ToolProcess pgDump = tools.dump(database, snapshotId, compressHere)) {
                // pg_dump's exit code and the manifest are both known before the upload completes:
                // if either fails, the upload is aborted and no object is ever visible.
                object = store.upload(bucket, key, out -> {
                    OutputStream sealed = envelopes.seal(out, keyId, backupId, name);
                    archive(pgDump, compressHere, sealed);
                    sealed.close(); // the last segment; out itself is finished by the store
                }, () -> {
                    pgDump.awaitSuccess(5, TimeUnit.MINUTES);
                    log.debug("Dump of {} streamed in {} ms ({})", key, (System.nanoTime() - start) / 1_000_000,
                            compressHere ? "compressed by the service" : "compressed by pg_dump");
                    awaitManifest(tables);
                });
            } catch (Exception | Error e) {
                manifest.cancel();
                throw e;
            } finally {
                c.rollback();
            }
            log.debug("Upload of {} completed after {} ms", key, (System.nanoTime() - start) / 1_000_000);
            return new Dump(object, snapshotAt, serverVersion, tables.join(), keyId);
        }
    }

    /** pg_dump's archive, compressed on all cores unless pg_dump compressed it. */
    private void archive(ToolProcess pgDump, boolean compressHere, OutputStream out) throws Exception {
        if (!compressHere) {
            pgDump.stdout().transferTo(out);
            return;
        }
        try {
            compressor.compress(pgDump.stdout(), out);
        } catch (EOFException e) {
            // the archive ends early: pg_dump's own error says why
            pgDump.awaitSuccess(1, TimeUnit.MINUTES);
            throw e;
        }
    }

    private static void awaitManifest(CompletableFuture<List<TableChecksum>> tables) throws Exception {
        try {
            tables.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
