package org.drcc.backup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.CompleteBackupCommand;
import org.drcc.backup.command.StartBackupCommand;
import org.drcc.backup.encryption.DumpEnvelopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/** Takes a backup: started at once, dumped and uploaded in the background, then copied to the other tiers. */
@Component
public class BackupJob {

    private static final Logger log = LoggerFactory.getLogger(BackupJob.class);
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final CommandGateway commands;
    private final Policies policies;
    private final BackupGate gate;
    private final SnapshotDumper dumper;
    private final TierCopier copier;
    private final DumpLanding landing;
    private final TaskExecutor tasks;
    private final FailureRecorder failures;
    private final Clock clock;

    BackupJob(CommandGateway commands, Policies policies, BackupGate gate, SnapshotDumper dumper, TierCopier copier,
              DumpLanding landing, TaskExecutor backupTasks, FailureRecorder failures, Clock clock) {
        this.commands = commands;
        this.policies = policies;
        this.gate = gate;
        this.dumper = dumper;
        this.copier = copier;
        this.landing = landing;
        this.tasks = backupTasks;
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * Starts a backup of {@code database}; returns its id. Refused while another one of it runs. The dump goes to the
     * first tier that can take it ({@link DumpLanding}), the primary on an ordinary day.
     */
    public String start(String database, String actor) {
        policies.require(database);
        String backupId = UUID.randomUUID().toString();
        gate.enter(database, backupId);
        boolean started = false;
        try {
            Instant now = clock.instant();
            String key = database + "/" + KEY_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)) + "_" + backupId + ".dump";
            DumpLanding.Landing to = landing.choose(backupId, database);
            commands.sendAndWait(new StartBackupCommand(backupId, database, to.bucket(), key, actor, now));
            started = true;
            tasks.execute(() -> run(backupId, database, to, key, now));
            return backupId;
        } catch (RuntimeException e) {
            if (started) {
                // recorded as started but no job will run it (the job queue is full): it must not stay RUNNING
                failures.record(backupId, "the service could not run it: " + Failures.describe(e));
            }
            gate.leave(database, backupId);
            throw gate.explain(database, backupId, e);
        }
    }

    private void run(String backupId, String database, DumpLanding.Landing to, String key, Instant startedAt) {
        Dump dump = null;
        try {
            dump = dumper.dump(policies.target(database), database, backupId, to.bucket(), key);
            commands.sendAndWait(new CompleteBackupCommand(backupId, dump.object().sizeBytes(), dump.object().sha256(),
                    dump.serverVersion(), dump.snapshotAt(), Duration.between(startedAt, clock.instant()), dump.tables(),
                    clock.instant(), dump.encryptionKeyId(),
                    dump.encryptionKeyId() == null ? null : DumpEnvelopes.ALGORITHM));
            log.info("Backup {} of {} completed in the {} tier: {} bytes, sha256 {}, {}", backupId, database, to.tier(),
                    dump.object().sizeBytes(), dump.object().sha256(), dump.encryptionKeyId() == null ? "NOT encrypted"
                            : "encrypted with key id " + dump.encryptionKeyId());
        } catch (Exception e) {
            log.warn("Backup {} of {} failed: {}", backupId, database, e.toString());
            failures.record(backupId, Failures.describe(e));
            return;
        } finally {
            gate.leave(database, backupId);
        }
        copier.copyToTiers(backupId, to.bucket(), key, dump.object().sha256());
    }
}
