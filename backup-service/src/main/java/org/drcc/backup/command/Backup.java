package org.drcc.backup.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupCopyAbandonedEvent;
import org.drcc.contract.backup.BackupCopyFailedEvent;
import org.drcc.contract.backup.BackupEncryptedEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupImportedEvent;
import org.drcc.contract.backup.BackupReconciledEvent;
import org.drcc.contract.backup.BackupRestoreFailedEvent;
import org.drcc.contract.backup.BackupRestoreStartedEvent;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.kit.rules.RuleRefusedException;

/** One backup of a protected database: taken, copied to the tiers, verified, restored, expired. */
@Aggregate
public class Backup {

    @AggregateIdentifier
    private String backupId;
    private String database;
    private String actor;
    private String bucket;
    private String objectKey;
    private BackupStatus status;
    private String sha256;
    private Instant snapshotAt;
    private String failedCheck;
    private boolean verified;
    /** Restores under way: restore id to target database. */
    private final Map<String, String> openRestores = new HashMap<>();
    private final TierCopies copies = new TierCopies();

    protected Backup() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Backup(StartBackupCommand c) {
        apply(new BackupStartedEvent(c.backupId(), c.database(), c.bucket(), c.objectKey(), c.actor(), c.requestedAt()));
    }

    /**
     * Create-if-missing rather than a constructor, so that a second import of the same backup, or the import of a
     * backup this service took itself, is refused by the rule below (409) instead of failing in the event store.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportBackupCommand c) {
        require(backupId == null, "backup " + c.backupId() + " is known already; nothing was imported");
        var v = c.verification();
        apply(new BackupImportedEvent(c.backupId(), c.database(), c.tier(), c.bucket(), c.objectKey(), c.sizeBytes(),
                c.sha256(), c.serverVersion(), c.startedAt(), c.completedAt(), c.snapshotAt(), c.tables(), v.status(),
                v.check(), v.detail(), v.at(), c.encryptionKeyId(), c.actor(), c.importedAt()));
    }

    @CommandHandler
    void handle(CompleteBackupCommand c) {
        require(status == BackupStatus.RUNNING, "only a running backup can complete");
        if (c.encryptionKeyId() != null) {
            apply(new BackupEncryptedEvent(backupId, database, c.encryptionKeyId(), c.encryptionAlgorithm(), actor,
                    c.completedAt()));
        }
        apply(new BackupCompletedEvent(backupId, database, bucket, objectKey, c.sizeBytes(), c.sha256(), c.serverVersion(),
                c.snapshotAt(), c.duration(), c.tables(), actor, c.completedAt()));
    }

    /**
     * What the catalogue object says, as the events a backup taken here would have had: its completion, the copies
     * it lists, its verification; preceded by the event that says they come from the catalogue.
     */
    @CommandHandler
    void handle(ReconcileBackupCommand c) {
        require(status == BackupStatus.RUNNING, "only a backup left running is reconciled; this one is " + status);
        require(objectKey.equals(c.objectKey()), "the catalogue object describes " + c.objectKey() + ", not this backup's "
                + objectKey);
        var v = c.verification();
        apply(new BackupReconciledEvent(backupId, database, c.tier(), c.bucket(), c.catalogObject(), c.sha256(),
                v.status(), c.actor(), c.reconciledAt()));
        if (c.encryptionKeyId() != null) {
            apply(new BackupEncryptedEvent(backupId, database, c.encryptionKeyId(), c.encryptionAlgorithm(), actor,
                    c.completedAt()));
        }
        apply(new BackupCompletedEvent(backupId, database, bucket, objectKey, c.sizeBytes(), c.sha256(), c.serverVersion(),
                c.snapshotAt(), Duration.between(c.startedAt(), c.completedAt()), c.tables(), actor, c.completedAt()));
        for (ReconcileBackupCommand.RecordedCopy copy : c.copies()) {
            if (!copy.bucket().equals(bucket)) {
                apply(new BackupCopiedEvent(backupId, database, copy.tier(), copy.bucket(), objectKey, c.sha256(), actor,
                        copy.at()));
            }
        }
        if ("VERIFIED".equals(v.status())) {
            // the scratch database it was restored into is not in the catalogue: named by the catalogue object instead
            apply(new BackupVerifiedEvent(backupId, database, "(as recorded in " + c.catalogObject() + ")",
                    c.tables().size(), actor, v.at()));
        } else if ("FAILED".equals(v.status())) {
            apply(new BackupVerificationFailedEvent(backupId, database, v.check(), v.detail(), actor, v.at()));
        }
    }

    @CommandHandler
    void handle(FailBackupCommand c) {
        require(status == BackupStatus.RUNNING, "only a running backup can fail");
        apply(new BackupFailedEvent(backupId, database, c.cause(), actor, c.failedAt()));
    }

    @CommandHandler
    void handle(RecordTierCopyCommand c) {
        require(status == BackupStatus.COMPLETED, "only a completed backup can be copied to a tier");
        TierCopies.Tier tier = copies.of(c.tier());
        boolean good = c.cause() == null && sha256.equals(c.readBackSha256());
        // a copy is proved once; later records of it come from a retry that raced with the good one
        if (tier.copied() || !good && c.attempt() <= tier.failedAttempts()) {
            return;
        }
        if (good) {
            apply(new BackupCopiedEvent(backupId, database, c.tier(), c.bucket(), c.objectKey(), c.readBackSha256(),
                    actor, c.copiedAt()));
        } else if (!tier.abandoned()) {
            String cause = c.cause() != null ? c.cause()
                    : "the copy reads back with SHA-256 " + c.readBackSha256() + ", the backup has " + sha256;
            apply(new BackupCopyFailedEvent(backupId, database, c.tier(), c.bucket(), cause, actor, c.copiedAt()));
        }
    }

    @CommandHandler
    void handle(AbandonTierCopyCommand c) {
        require(status == BackupStatus.COMPLETED, "only a completed backup's copies are given up; this one is " + status);
        TierCopies.Tier tier = copies.of(c.tier());
        require(!tier.copied(), "backup " + backupId + " already has a " + c.tier() + " copy");
        require(!tier.abandoned(), "the " + c.tier() + " copy of backup " + backupId + " was already given up");
        require(tier.failedAttempts() > 0 && tier.failedAttempts() >= c.maxAttempts(), "the " + c.tier()
                + " copy of backup " + backupId + " failed " + tier.failedAttempts() + " of " + c.maxAttempts()
                + " attempts");
        apply(new BackupCopyAbandonedEvent(backupId, database, c.tier(), tier.bucket(), tier.failedAttempts(),
                tier.lastCause(), c.actor(), c.abandonedAt()));
    }

    @CommandHandler
    void handle(RecordVerificationCommand c) {
        require(status == BackupStatus.COMPLETED, "only a completed backup can be verified");
        if (c.failedCheck() == null) {
            apply(new BackupVerifiedEvent(backupId, database, c.scratchDatabase(), c.tablesChecked(), c.actor(),
                    c.verifiedAt()));
        } else {
            apply(new BackupVerificationFailedEvent(backupId, database, c.failedCheck(), c.detail(), c.actor(),
                    c.verifiedAt()));
        }
    }

    @CommandHandler
    void handle(ExpireBackupCommand c) {
        require(status == BackupStatus.COMPLETED || status == BackupStatus.FAILED,
                "a " + status + " backup cannot expire");
        require(openRestores.isEmpty(), "the backup is being restored");
        apply(new BackupExpiredEvent(backupId, database, c.reason(), "retention", c.expiredAt()));
    }

    @CommandHandler
    void handle(StartRestoreCommand c) {
        require(status == BackupStatus.COMPLETED, "only a completed backup can be restored; this one is " + status);
        require(failedCheck == null, "its last verification failed (" + failedCheck + "): restore another backup");
        require(verified, "backup " + backupId + " has not been proved restorable yet: verify it first (POST /api/backups/"
                + backupId + "/verify) or restore a verified one (GET /api/backups?verified=true)");
        require(!c.overwritesProtected() || c.confirmed(), "restoring over the protected database " + database
                + " needs the confirmation flag; restore into a new database to compare first");
        require(!openRestores.containsKey(c.restoreId()), "restore " + c.restoreId() + " already started");
        apply(new BackupRestoreStartedEvent(backupId, database, c.restoreId(), c.targetDatabase(),
                c.overwritesProtected(), snapshotAt, c.actor(), c.requestedAt()));
    }

    @CommandHandler
    void handle(CompleteRestoreCommand c) {
        require(openRestores.containsKey(c.restoreId()), "no restore " + c.restoreId() + " is running");
        apply(new BackupRestoredEvent(backupId, database, c.restoreId(), openRestores.get(c.restoreId()),
                snapshotAt, c.source(), c.passedOver(), actor, c.completedAt()));
    }

    @CommandHandler
    void handle(FailRestoreCommand c) {
        require(openRestores.containsKey(c.restoreId()), "no restore " + c.restoreId() + " is running");
        apply(new BackupRestoreFailedEvent(backupId, database, c.restoreId(),
                openRestores.get(c.restoreId()), c.cause(), actor, c.failedAt()));
    }

    @EventSourcingHandler
    void on(BackupStartedEvent e) {
        backupId = e.backupId();
        database = e.database();
        actor = e.actor();
        bucket = e.bucket();
        objectKey = e.objectKey();
        status = BackupStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(BackupImportedEvent e) {
        backupId = e.backupId();
        database = e.database();
        actor = e.actor();
        bucket = e.bucket();
        objectKey = e.objectKey();
        status = BackupStatus.COMPLETED;
        sha256 = e.sha256();
        snapshotAt = e.snapshotAt();
        verified = "VERIFIED".equals(e.verification());
        failedCheck = "FAILED".equals(e.verification()) ? e.verificationCheck() : null;
    }

    @EventSourcingHandler
    void on(BackupCompletedEvent e) {
        status = BackupStatus.COMPLETED;
        sha256 = e.sha256();
        snapshotAt = e.snapshotAt();
    }

    @EventSourcingHandler
    void on(BackupFailedEvent e) {
        status = BackupStatus.FAILED;
    }

    @EventSourcingHandler
    void on(BackupCopiedEvent e) {
        copies.copied(e.tier(), e.bucket());
    }

    @EventSourcingHandler
    void on(BackupCopyFailedEvent e) {
        copies.failed(e.tier(), e.bucket(), e.cause());
    }

    @EventSourcingHandler
    void on(BackupCopyAbandonedEvent e) {
        copies.abandoned(e.tier());
    }

    @EventSourcingHandler
    void on(BackupVerifiedEvent e) {
        failedCheck = null;
        verified = true;
    }

    @EventSourcingHandler
    void on(BackupVerificationFailedEvent e) {
        failedCheck = e.check();
        verified = false;
    }

    @EventSourcingHandler
    void on(BackupExpiredEvent e) {
        status = BackupStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(BackupRestoreStartedEvent e) {
        openRestores.put(e.restoreId(), e.targetDatabase());
    }

    @EventSourcingHandler
    void on(BackupRestoredEvent e) {
        openRestores.remove(e.restoreId());
    }

    @EventSourcingHandler
    void on(BackupRestoreFailedEvent e) {
        openRestores.remove(e.restoreId());
    }

    private static void require(boolean rule, String refusal) {
        if (!rule) {
            throw new RuleRefusedException("backup", refusal);
        }
    }
}
