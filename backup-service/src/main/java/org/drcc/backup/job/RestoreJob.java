package org.drcc.backup.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.CompleteRestoreCommand;
import org.drcc.backup.command.FailRestoreCommand;
import org.drcc.backup.command.StartRestoreCommand;
import org.drcc.backup.config.BackupProperties;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.postgres.ToolProcess;
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
    private final PgTools tools;
    private final BackupObjects objects;
    private final CommandGateway commands;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final int jobs;

    RestoreJob(Backups backups, Policies policies, PgTools tools, BackupObjects objects, CommandGateway commands,
               TaskExecutor backupTasks, Clock clock, BackupProperties properties) {
        this.backups = backups;
        this.policies = policies;
        this.tools = tools;
        this.objects = objects;
        this.commands = commands;
        this.tasks = backupTasks;
        this.clock = clock;
        this.jobs = properties.restoreJobs();
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
        Path archive = null;
        boolean created = false;
        try {
            archive = objects.download(backup, backup.bucket());
            if (!overwrites) {
                PgServer.create(protectedDb, target);
                created = true;
            }
            try (ToolProcess restore = tools.restoreFile(protectedDb.withDatabase(target), archive, jobs, overwrites)) {
                restore.awaitSuccess(6, TimeUnit.HOURS);
            }
            commands.sendAndWait(new CompleteRestoreCommand(backup.backupId(), restoreId, clock.instant()));
            log.info("Backup {} restored into {} (restore point {})", backup.backupId(), target, backup.snapshotAt());
        } catch (Exception e) {
            log.warn("Restore {} of backup {} into {} failed: {}", restoreId, backup.backupId(), target, e.toString());
            dropHalfRestored(protectedDb, target, created);
            commands.sendAndWait(new FailRestoreCommand(backup.backupId(), restoreId, Failures.describe(e),
                    clock.instant()));
        } finally {
            deleteQuietly(archive);
        }
    }

    /** A new database that did not restore in full would only mislead: it goes, so the name can be reused. */
    private static void dropHalfRestored(PgTarget server, String database, boolean created) {
        if (!created) {
            return;
        }
        try {
            PgServer.drop(server, database);
        } catch (Exception e) {
            log.warn("Could not drop the half-restored database {}: {}", database, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (java.io.IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
