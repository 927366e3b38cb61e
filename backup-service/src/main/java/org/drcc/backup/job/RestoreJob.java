package org.drcc.backup.job;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.CompleteRestoreCommand;
import org.drcc.backup.command.FailRestoreCommand;
import org.drcc.backup.command.StartRestoreCommand;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.BackupNotFoundException;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Restores a backup into a new database on the protected database's server, or over the protected
 * database itself when the request confirms it, from the object {@link BackupObjects#download} checked.
 */
@Component
public class RestoreJob {

    private static final Logger log = LoggerFactory.getLogger(RestoreJob.class);

    private final Backups backups;
    private final Policies policies;
    private final BackupObjects objects;
    private final CommandGateway commands;
    private final TaskExecutor tasks;
    private final Clock clock;

    RestoreJob(Backups backups, Policies policies, BackupObjects objects, CommandGateway commands,
               TaskExecutor backupTasks, Clock clock) {
        this.backups = backups;
        this.policies = policies;
        this.objects = objects;
        this.commands = commands;
        this.tasks = backupTasks;
        this.clock = clock;
    }

    /** Checks the request, records the start and restores in the background; refused requests touch nothing. */
    public RestoreAccepted start(String backupId, String targetDatabase, boolean confirmOverwrite, String actor)
            throws Exception {
        BackupSummary backup = backups.summary(backupId).orElseThrow(() -> new BackupNotFoundException(backupId));
        PgTarget protectedDb = policies.target(backup.database());
        boolean overwrites = targetDatabase.equals(protectedDb.databaseName());
        if (!overwrites && PgServer.exists(protectedDb, targetDatabase)) {
            throw new TargetDatabaseExistsException(targetDatabase);
        }
        String restoreId = UUID.randomUUID().toString();
        commands.sendAndWait(new StartRestoreCommand(backupId, restoreId, targetDatabase, overwrites, confirmOverwrite,
                actor, clock.instant()));
        tasks.execute(() -> restore(backup, restoreId, protectedDb, targetDatabase, overwrites));
        return new RestoreAccepted(restoreId, backupId, targetDatabase, overwrites, backup.snapshotAt());
    }

    /** Restores the newest verified backup of {@code database} taken before {@code before}, as {@link #start} does. */
    public RestoreAccepted startNewestVerifiedBefore(String database, Instant before, String targetDatabase,
                                                     boolean confirmOverwrite, String actor) throws Exception {
        policies.require(database);
        BackupSummary newest = backups.list(new BackupFilter(database, "COMPLETED", true, before, 1)).stream()
                .findFirst().orElseThrow(() -> new NoVerifiedBackupException(database, before));
        return start(newest.backupId(), targetDatabase, confirmOverwrite, actor);
    }

    private void restore(BackupSummary backup, String restoreId, PgTarget protectedDb, String target, boolean overwrites) {
        try {
            objects.restore(backup, backup.bucket(), protectedDb, target, overwrites, 6);
            commands.sendAndWait(new CompleteRestoreCommand(backup.backupId(), restoreId, clock.instant()));
            log.info("Backup {} restored into {} (restore point {})", backup.backupId(), target, backup.snapshotAt());
        } catch (Exception e) {
            log.warn("Restore {} of backup {} into {} failed: {}", restoreId, backup.backupId(), target, e.toString());
            commands.sendAndWait(new FailRestoreCommand(backup.backupId(), restoreId, Failures.describe(e),
                    clock.instant()));
        }
    }
}
