package org.drcc.backup.job;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.RecordVerificationCommand;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.postgres.ParallelManifest;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.postgres.PgToolException;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.postgres.ToolProcess;
import org.drcc.backup.query.BackupNotFoundException;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.BackupView;
import org.drcc.backup.query.Backups;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.storage.StoredObject;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.kit.rules.RuleRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Proves a backup restorable: streams its object from S3 into {@code pg_restore} on a scratch database
 * created on the protected database's server (decrypted on the way when it is encrypted), then compares the stored
 * object's SHA-256 and size, that it decrypts with its key id's key, and the restored tables with the manifest. The scratch database is dropped whatever happens. One
 * verification of a backup at a time on this instance: a request while one runs joins it (one restore,
 * one outcome), whoever asked: the automatic one after the backup, the sweep, a person, a drill.
 */
@Component
public class VerifyJob {

    private static final Logger log = LoggerFactory.getLogger(VerifyJob.class);

    private final Backups backups;
    private final Policies policies;
    private final PgTools tools;
    private final BackupObjects objects;
    private final CommandGateway commands;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final int manifestConnections;
    private final S3Properties s3;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    VerifyJob(Backups backups, Policies policies, PgTools tools, BackupObjects objects, CommandGateway commands,
              TaskExecutor backupTasks, Clock clock, BackupProperties properties, S3Properties s3) {
        this.manifestConnections = properties.manifestConnections();
        this.s3 = s3;
        this.backups = backups;
        this.policies = policies;
        this.tools = tools;
        this.objects = objects;
        this.commands = commands;
        this.tasks = backupTasks;
        this.clock = clock;
    }

    /**
     * Starts the verification in the background; refused unless the backup is completed. False when a
     * verification of it is already running: that one's outcome is the answer, no second restore starts.
     */
    public boolean start(String backupId, String actor) {
        BackupSummary backup = completed(backupId);
        if (!running.add(backupId)) {
            log.info("Backup {} is being verified already; {} waits for that outcome", backupId, actor);
            return false;
        }
        try {
            tasks.execute(() -> verifyOnce(backup, actor));
            return true;
        } catch (RuntimeException e) {
            running.remove(backupId);
            throw e;
        }
    }

    /**
     * Verifies {@code backupIds} one after the other on one job thread, so a sweep of many backups
     * restores one at a time on the protected server. When its turn comes, a backup no longer completed,
     * being verified already, or verified meanwhile (unless in {@code evenIfVerified}) is skipped.
     */
    public void startInTurn(List<String> backupIds, Set<String> evenIfVerified, String actor) {
        tasks.execute(() -> backupIds.forEach(id -> backups.summary(id)
                .filter(b -> "COMPLETED".equals(b.status()))
                .filter(b -> "UNVERIFIED".equals(b.verification()) || evenIfVerified.contains(id))
                .filter(b -> running.add(id))
                .ifPresent(b -> verifyOnce(b, actor))));
    }

    private BackupSummary completed(String backupId) {
        BackupSummary backup = backups.summary(backupId).orElseThrow(() -> new BackupNotFoundException(backupId));
        if (!"COMPLETED".equals(backup.status())) {
            throw new RuleRefusedException("backup",
                    "only a completed backup can be verified; " + backupId + " is " + backup.status());
        }
        return backup;
    }

    private void verifyOnce(BackupSummary backup, String actor) {
        try {
            verify(backup, actor);
        } catch (RuntimeException e) {
            log.error("The verification of backup {} could not be recorded: {}", backup.backupId(), e.toString());
        } finally {
            running.remove(backup.backupId());
        }
    }

    void verify(BackupSummary backup, String actor) {
        String scratch = "dr_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        BackupView view = backups.view(backup.backupId());
        List<TableChecksum> manifest = view.tables();
        List<BackupObjects.Copy> copies = RestoreJob.copies(view, null, s3.buckets());
        Optional<CheckFailure> failure;
        try {
            failure = check(backup, copies, manifest, scratch);
        } catch (Exception e) {
            failure = Optional.of(new CheckFailure("restore", Failures.describe(e)));
        }
        failure.ifPresentOrElse(
                f -> log.warn("Backup {} failed verification, check {}: {}", backup.backupId(), f.check(), f.detail()),
                () -> log.info("Backup {} verified by restore into {}", backup.backupId(), scratch));
        commands.sendAndWait(new RecordVerificationCommand(backup.backupId(), scratch, manifest.size(),
                failure.map(CheckFailure::check).orElse(null), failure.map(CheckFailure::detail).orElse(null), actor,
                clock.instant()));
    }

    private Optional<CheckFailure> check(BackupSummary backup, List<BackupObjects.Copy> copies,
                                         List<TableChecksum> manifest, String scratch) throws Exception {
        PgTarget server = policies.target(backup.database());
        PgServer.create(server, scratch);
        try {
            PgTarget scratchDb = server.withDatabase(scratch);
            BackupObjects.Fed fed;
            String restoreError = null;
            try (ToolProcess restore = tools.restoreFromStdin(scratchDb)) {
                try {
                    fed = objects.feed(backup, copies, restore.stdin());
                } catch (RuntimeException e) {
                    return Optional.of(new CheckFailure("storage", Failures.describe(e)));
                }
                try {
                    restore.awaitSuccess(1, TimeUnit.HOURS);
                } catch (PgToolException e) {
                    restoreError = e.getMessage();
                }
            }
            // the stored bytes are checked first: a damaged object explains any decryption or restore error after it
            StoredObject read = fed.stored();
            if (!read.sha256().equals(backup.sha256())) {
                return Optional.of(new CheckFailure("sha256", fed.source().tier() + " s3://" + fed.source().bucket()
                        + "/" + backup.objectKey()
                        + " reads with SHA-256 " + read.sha256() + " but the backup was stored with " + backup.sha256()
                        + ": the object was altered or damaged in storage"));
            }
            if (read.sizeBytes() != backup.sizeBytes()) {
                return Optional.of(new CheckFailure("size", "the object has " + read.sizeBytes()
                        + " bytes, the backup was stored with " + backup.sizeBytes()));
            }
            if (fed.decryptionFailure() != null) {
                return Optional.of(new CheckFailure("decryption", fed.decryptionFailure()));
            }
            if (restoreError != null) {
                return Optional.of(new CheckFailure("restore", restoreError));
            }
            return ManifestCheck.compare(manifest, new ParallelManifest(scratchDb, null, manifestConnections).read());
        } finally {
            PgServer.drop(server, scratch);
        }
    }
}
