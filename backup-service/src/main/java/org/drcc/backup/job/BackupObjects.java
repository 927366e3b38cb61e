package org.drcc.backup.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drcc.backup.encryption.DecryptionFailedException;
import org.drcc.backup.encryption.DumpEnvelopes;
import org.drcc.backup.encryption.MissingEncryptionKeyException;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.postgres.ToolProcess;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A backup's object read back from the store with its SHA-256 measured: restores and verifications start here. */
@Component
public class BackupObjects {

    private static final Logger log = LoggerFactory.getLogger(BackupObjects.class);

    private final ObjectStore store;
    private final PgTools tools;
    private final int jobs;
    private final DumpEnvelopes envelopes;

    BackupObjects(ObjectStore store, PgTools tools, BackupProperties properties, DumpEnvelopes envelopes) {
        this.envelopes = envelopes;
        this.store = store;
        this.tools = tools;
        this.jobs = properties.restoreJobs();
    }

    /** A copy of a backup's dump: the tier that holds it and its bucket there. */
    public record Copy(String tier, String bucket) {
    }

    /** The copy a restore read, and why each copy tried before it was passed over. */
    public record RestoredFrom(String source, List<String> passedOver) {
    }

    /**
     * Restores the first of {@code copies} that can be read and reads with the backup's SHA-256 into {@code target}
     * on {@code server} with {@code pg_restore --jobs}: into a new database, or over the existing one when
     * {@code overwrite}. A copy that is unreachable (its store is down with the primary site) or damaged is passed
     * over, and said so; when none is good, nothing is restored. Restored as the database's owner
     * ({@link PgTools#restore}). A new database that did not restore in full would
     * only mislead: it goes, so the name can be reused.
     */
    public RestoredFrom restore(BackupSummary backup, List<Copy> copies, PgTarget server, String target,
                                boolean overwrite, int hours) throws Exception {
        Downloaded read = downloadFirst(backup, copies);
        try {
            tools.restore(server, target, read.archive(), jobs, overwrite, hours);
        } finally {
            deleteQuietly(read.archive());
        }
        return read.from();
    }

    /**
     * Empties {@code tables} (bare names) in {@code database} and restores only their rows from the first of
     * {@code copies} that can be read and reads with the backup's SHA-256, as {@link #restore} chooses it; when none is
     * good, nothing is emptied.
     */
    public RestoredFrom restoreTables(BackupSummary backup, List<Copy> copies, PgTarget database, List<String> tables)
            throws Exception {
        Downloaded read = downloadFirst(backup, copies);
        try {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("TRUNCATE " + String.join(", ", tables));
            }
            try (ToolProcess restore = tools.restoreTableData(database, read.archive(), tables)) {
                restore.awaitSuccess(1, TimeUnit.HOURS);
            }
        } finally {
            deleteQuietly(read.archive());
        }
        return read.from();
    }

    private record Downloaded(Path archive, RestoredFrom from) {
    }

    /** The first of {@code copies} that {@link #download}s, and why each before it was passed over. */
    private Downloaded downloadFirst(BackupSummary backup, List<Copy> copies) throws IOException {
        List<String> passedOver = new ArrayList<>();
        for (Copy copy : copies) {
            try {
                Path archive = download(backup, copy.bucket());
                return new Downloaded(archive, new RestoredFrom(copy.tier() + " s3://" + copy.bucket() + "/"
                        + backup.objectKey(), passedOver));
            } catch (DecryptionFailedException e) {
                // the copy reads as stored, so every copy (the same bytes) would fail the same way
                throw new DecryptionFailedException(e.getMessage() + "; nothing was restored", e);
            } catch (MissingEncryptionKeyException e) {
                throw e;
            } catch (Exception e) {
                passedOver.add(copy.tier() + " s3://" + copy.bucket() + "/" + backup.objectKey() + ": " + Failures.describe(e));
            }
        }
        throw new IllegalStateException("no copy of backup " + backup.backupId() + " could be read; nothing was "
                + "restored: " + String.join("; ", passedOver));
    }

    /**
     * The object in {@code bucket}, decrypted, as a temporary file, because {@code pg_restore --jobs} needs a file it
     * can seek in (the clear dump lands where it did before encryption, and only there); refused unless the stored
     * bytes read with the backup's SHA-256, so nothing is restored from a damaged copy. A copy that reads as stored
     * but does not decrypt was encrypted with another key than the one configured under its key id:
     * {@link DecryptionFailedException}. The caller deletes the file.
     */
    public Path download(BackupSummary backup, String bucket) throws IOException {
        Path archive = Files.createTempFile("dr-restore-", ".dump");
        try (InputStream in = store.open(bucket, backup.objectKey()); OutputStream file = Files.newOutputStream(archive)) {
            MeasuredInput stored = new MeasuredInput(in);
            IOException undecrypted = null;
            try {
                open(stored, backup).transferTo(file);
            } catch (IOException e) {
                if (backup.encryptionKeyId() == null) {
                    throw e; // nothing to decrypt: a read or a write failed
                }
                undecrypted = e;
            }
            String read = stored.drain().sha256();
            if (!read.equals(backup.sha256())) {
                throw new IllegalStateException("s3://" + bucket + "/" + backup.objectKey() + " reads with SHA-256 "
                        + read + " but the backup was stored with " + backup.sha256() + "; nothing was restored");
            }
            if (undecrypted != null) {
                throw undecrypted instanceof DecryptionFailedException d ? d : new DecryptionFailedException(
                        "backup " + backup.backupId() + " reads as stored but does not decrypt with key id '"
                                + backup.encryptionKeyId() + "': " + undecrypted.getMessage(), undecrypted);
            }
            return archive;
        } catch (Exception e) {
            Files.deleteIfExists(archive);
            throw e;
        }
    }

    /**
     * What a verification read: the copy it read, the stored object as measured, and why it did not decrypt (null: it
     * did).
     */
    record Fed(Copy source, StoredObject stored, String decryptionFailure) {
    }

    /**
     * Streams the first of {@code copies} that can be opened, decrypted, into pg_restore: the one in the tier the dump
     * was written to, then the proven copies, so a backup is still proved restorable with that tier gone. If none
     * opens, throws, naming each copy and why. If pg_restore stops reading (it failed) or the object does not decrypt,
     * the rest of the object is still read, so that its checksum can say whether the object itself is to blame.
     */
    Fed feed(BackupSummary backup, List<Copy> copies, OutputStream restore) throws IOException {
        List<String> passedOver = new ArrayList<>();
        for (Copy copy : copies) {
            InputStream in;
            try {
                in = store.open(copy.bucket(), backup.objectKey());
            } catch (RuntimeException e) {
                passedOver.add(copy.tier() + " s3://" + copy.bucket() + "/" + backup.objectKey() + ": "
                        + Failures.describe(e));
                continue;
            }
            try (in) {
                MeasuredInput stored = new MeasuredInput(in);
                String undecrypted = null;
                try {
                    copyToEnd(open(stored, backup), restore);
                } catch (IOException | MissingEncryptionKeyException e) {
                    if (backup.encryptionKeyId() == null) {
                        throw e; // nothing to decrypt: the object could not be read
                    }
                    undecrypted = e.getMessage();
                } finally {
                    closeQuietly(restore);
                }
                stored.drain();
                return new Fed(copy, new StoredObject(stored.count(), stored.sha256()), undecrypted);
            }
        }
        closeQuietly(restore);
        throw new IllegalStateException("no copy could be read: " + String.join("; ", passedOver));
    }

    /** The clear dump of a stored object: decrypted with its key id's key, or as it is if stored unencrypted. */
    private InputStream open(InputStream stored, BackupSummary backup) throws IOException {
        return envelopes.open(stored, backup.encryptionKeyId(), backup.backupId(), backup.database());
    }

    private static void copyToEnd(InputStream in, OutputStream restore) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        boolean feeding = true;
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (feeding) {
                try {
                    restore.write(buffer, 0, n);
                } catch (IOException e) {
                    feeding = false;
                }
            }
        }
    }

    private static void closeQuietly(OutputStream restore) {
        try {
            restore.close();
        } catch (IOException e) {
            // pg_restore already stopped; its exit code says why
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
