package org.drcc.backup.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drcc.backup.storage.S3Properties;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.backup.encryption.DumpEnvelopes;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupEncryptedEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupImportedEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;

/**
 * A backup's catalogue as its events say it is now. A pure function of the whole stream, so writing it again (after
 * a crash, a replay) writes the same bytes; other events (restores, failed copies) do not change it.
 */
final class CatalogFold {

    /** The catalogue, none while there is no dump (running, failed); {@code expired}: retention deleted the dumps. */
    record State(Optional<BackupCatalog> catalog, boolean expired) {
    }

    private CatalogFold() {
    }

    /**
     * {@code buckets} names the tier of the bucket the dump was written to (the primary on an ordinary day, another
     * tier when the primary was gone: {@code job/DumpLanding}); a bucket no tier names any more is taken for the
     * primary's, where every dump was written before that choice existed (a dump written to another tier whose bucket
     * was renamed since is then named primary: left alone).
     */
    static State of(List<?> events, S3Properties.Buckets buckets) {
        BackupStartedEvent started = null;
        BackupCompletedEvent completed = null;
        BackupImportedEvent imported = null;
        BackupCatalog.Verification verification = BackupCatalog.Verification.NONE;
        Map<String, BackupCatalog.Copy> copies = new LinkedHashMap<>();
        boolean expired = false;
        BackupEncryptedEvent encrypted = null;
        for (Object event : events) {
            if (event instanceof BackupStartedEvent e) {
                started = e;
            } else if (event instanceof BackupEncryptedEvent e) {
                encrypted = e;
            } else if (event instanceof BackupCompletedEvent e) {
                completed = e;
                String tier = buckets.tierOf(e.bucket()).orElse("primary");
                copies.put(tier, new BackupCatalog.Copy(tier, e.bucket(), e.occurredAt()));
            } else if (event instanceof BackupImportedEvent e) {
                imported = e;
                verification = new BackupCatalog.Verification(e.verification(), e.verificationCheck(),
                        e.verificationDetail(), e.verifiedAt());
                copies.put(e.tier(), new BackupCatalog.Copy(e.tier(), e.bucket(), e.occurredAt()));
            } else if (event instanceof BackupCopiedEvent e) {
                copies.putIfAbsent(e.tier(), new BackupCatalog.Copy(e.tier(), e.bucket(), e.occurredAt()));
            } else if (event instanceof BackupVerifiedEvent e) {
                // the same words as the read model's verification detail
                verification = new BackupCatalog.Verification("VERIFIED", null,
                        e.tablesChecked() + " tables match the manifest", e.occurredAt());
            } else if (event instanceof BackupVerificationFailedEvent e) {
                verification = new BackupCatalog.Verification("FAILED", e.check(), e.detail(), e.occurredAt());
            } else if (event instanceof BackupExpiredEvent) {
                expired = true;
            }
        }
        BackupCatalog catalog = null;
        List<BackupCatalog.Copy> known = List.copyOf(copies.values());
        if (completed != null) {
            catalog = new BackupCatalog(BackupCatalog.FORMAT_VERSION, completed.backupId(), completed.database(),
                    completed.serverVersion(), started == null ? null : started.occurredAt(), completed.occurredAt(),
                    completed.snapshotAt(), completed.objectKey(), completed.sizeBytes(), completed.sha256(),
                    List.copyOf(completed.tables()), verification, known,
                    encrypted == null ? null : encrypted.keyId(), encrypted == null ? null : encrypted.algorithm());
        } else if (imported != null) {
            catalog = new BackupCatalog(BackupCatalog.FORMAT_VERSION, imported.backupId(), imported.database(),
                    imported.serverVersion(), imported.startedAt(), imported.completedAt(), imported.snapshotAt(),
                    imported.objectKey(), imported.sizeBytes(), imported.sha256(), List.copyOf(imported.tables()),
                    verification, known, imported.encryptionKeyId(),
                    // the one format an encrypted dump has; the import event, older than it, does not name it
                    imported.encryptionKeyId() == null ? null : DumpEnvelopes.ALGORITHM);
        }
        return new State(Optional.ofNullable(catalog), expired);
    }
}
