package org.drcc.backup.job;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.RecordVerificationCommand;
import org.drcc.backup.config.BackupProperties;
import org.drcc.backup.postgres.ParallelManifest;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.postgres.PgToolException;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.postgres.ToolProcess;
import org.drcc.backup.query.BackupNotFoundException;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.backup.storage.StoredObject;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.kit.rules.RuleRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Proves a backup restorable: streams its object from S3 into {@code pg_restore} on a scratch database
 * created on the protected database's server, then compares the object's SHA-256 and size and the
 * restored tables with the manifest. The scratch database is dropped whatever happens.
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

    VerifyJob(Backups backups, Policies policies, PgTools tools, BackupObjects objects, CommandGateway commands,
              TaskExecutor backupTasks, Clock clock, BackupProperties properties) {
        this.manifestConnections = properties.manifestConnections();
        this.backups = backups;
        this.policies = policies;
        this.tools = tools;
        this.objects = objects;
        this.commands = commands;
        this.tasks = backupTasks;
        this.clock = clock;
    }

    /** Starts the verification in the background; refused unless the backup is completed. */
    public void start(String backupId, String actor) {
        BackupSummary backup = backups.summary(backupId).orElseThrow(() -> new BackupNotFoundException(backupId));
        if (!"COMPLETED".equals(backup.status())) {
            throw new RuleRefusedException("backup",
                    "only a completed backup can be verified; " + backupId + " is " + backup.status());
        }
        tasks.execute(() -> verify(backup, actor));
    }

    void verify(BackupSummary backup, String actor) {
        String scratch = "dr_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<TableChecksum> manifest = backups.view(backup.backupId()).tables();
        Optional<CheckFailure> failure;
        try {
            failure = check(backup, manifest, scratch);
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

    private Optional<CheckFailure> check(BackupSummary backup, List<TableChecksum> manifest, String scratch)
            throws Exception {
        PgTarget server = policies.target(backup.database());
        PgServer.create(server, scratch);
        try {
            PgTarget scratchDb = server.withDatabase(scratch);
            StoredObject read;
            String restoreError = null;
            try (ToolProcess restore = tools.restoreFromStdin(scratchDb)) {
                try {
                    read = objects.feed(backup, restore.stdin());
                } catch (RuntimeException e) {
                    return Optional.of(new CheckFailure("storage", "cannot read s3://" + backup.bucket() + "/"
                            + backup.objectKey() + ": " + Failures.describe(e)));
                }
                try {
                    restore.awaitSuccess(1, TimeUnit.HOURS);
                } catch (PgToolException e) {
                    restoreError = e.getMessage();
                }
            }
            // the stored bytes are checked first: a damaged object explains any restore error that follows
            if (!read.sha256().equals(backup.sha256())) {
                return Optional.of(new CheckFailure("sha256", "s3://" + backup.bucket() + "/" + backup.objectKey()
                        + " reads with SHA-256 " + read.sha256() + " but the backup was stored with " + backup.sha256()
                        + ": the object was altered or damaged in storage"));
            }
            if (read.sizeBytes() != backup.sizeBytes()) {
                return Optional.of(new CheckFailure("size", "the object has " + read.sizeBytes()
                        + " bytes, the backup was stored with " + backup.sizeBytes()));
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
