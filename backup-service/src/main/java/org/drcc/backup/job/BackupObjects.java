package org.drcc.backup.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.Sha256;
import org.drcc.backup.storage.StoredObject;
import org.springframework.stereotype.Component;

/** A backup's object read back from the store with its SHA-256 measured: restores and verifications start here. */
@Component
public class BackupObjects {

    private final ObjectStore store;

    BackupObjects(ObjectStore store) {
        this.store = store;
    }

    /**
     * The object in {@code bucket} as a temporary file, because {@code pg_restore --jobs} needs a file it can
     * seek in; refused unless it reads with the backup's SHA-256, so nothing is restored from a damaged copy.
     * The caller deletes the file.
     */
    public Path download(BackupSummary backup, String bucket) throws IOException {
        Path archive = Files.createTempFile("dr-restore-", ".dump");
        try (Sha256 in = new Sha256(store.open(bucket, backup.objectKey()))) {
            Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
            String read = in.measured().sha256();
            if (!read.equals(backup.sha256())) {
                throw new IllegalStateException("s3://" + bucket + "/" + backup.objectKey() + " reads with SHA-256 "
                        + read + " but the backup was stored with " + backup.sha256() + "; nothing was restored");
            }
            return archive;
        } catch (Exception e) {
            Files.deleteIfExists(archive);
            throw e;
        }
    }

    /**
     * Streams the object into pg_restore. If pg_restore stops reading (it failed), the rest of the object
     * is still read, so that its checksum can say whether the object itself is to blame.
     */
    StoredObject feed(BackupSummary backup, OutputStream restore) throws IOException {
        try (Sha256 in = new Sha256(store.open(backup.bucket(), backup.objectKey()))) {
            copyToEnd(in, restore);
            return in.measured();
        }
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
        try {
            restore.close();
        } catch (IOException e) {
            // pg_restore already stopped; its exit code says why
        }
    }
}
