package org.drcc.backup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.CompleteBackupCommand;
import org.drcc.backup.command.FailBackupCommand;
import org.drcc.backup.command.StartBackupCommand;
import org.drcc.backup.config.S3Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/** Takes a backup: started at once, dumped and uploaded in the background, then copied to the tiers. */
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
    private final S3Properties s3;
    private final TaskExecutor tasks;
    private final Clock clock;

    BackupJob(CommandGateway commands, Policies policies, BackupGate gate, SnapshotDumper dumper, TierCopier copier,
              S3Properties s3, TaskExecutor backupTasks, Clock clock) {
        this.commands = commands;
        this.policies = policies;
        this.gate = gate;
        this.dumper = dumper;
        this.copier = copier;
        this.s3 = s3;
        this.tasks = backupTasks;
        this.clock = clock;
    }

    /** Starts a backup of {@code database}; returns its id. Refused while another one of it runs. */
    public String start(String database, String actor) {
        policies.require(database);
        String backupId = UUID.randomUUID().toString();
        gate.enter(database, backupId);
        try {
            Instant now = clock.instant();
            String key = database + "/" + KEY_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)) + "_" + backupId + ".dump";
            commands.sendAndWait(new StartBackupCommand(backupId, database, s3.buckets().primary(), key, actor, now));
            tasks.execute(() -> run(backupId, database, key, now));
            return backupId;
        } catch (RuntimeException e) {
            gate.leave(database, backupId);
            throw gate.explain(database, backupId, e);
        }
    }

    private void run(String backupId, String database, String key, Instant startedAt) {
        Dump dump = null;
        try {
            dump = dumper.dump(policies.target(database), s3.buckets().primary(), key);
            commands.sendAndWait(new CompleteBackupCommand(backupId, dump.object().sizeBytes(), dump.object().sha256(),
                    dump.serverVersion(), dump.snapshotAt(), Duration.between(startedAt, clock.instant()), dump.tables(),
                    clock.instant()));
            log.info("Backup {} of {} completed: {} bytes, sha256 {}", backupId, database, dump.object().sizeBytes(),
                    dump.object().sha256());
        } catch (Exception e) {
            log.warn("Backup {} of {} failed: {}", backupId, database, e.toString());
            fail(backupId, e);
            return;
        } finally {
            gate.leave(database, backupId);
        }
        copier.copyToTiers(backupId, key, dump.object().sha256());
    }

    private void fail(String backupId, Exception cause) {
        try {
            commands.sendAndWait(new FailBackupCommand(backupId, Failures.describe(cause), clock.instant()));
        } catch (RuntimeException e) {
            // the service's own database is unreachable: the start-up recovery fails the backup later
            log.error("Could not record the failure of backup {}: {}", backupId, e.toString());
        }
    }
}
