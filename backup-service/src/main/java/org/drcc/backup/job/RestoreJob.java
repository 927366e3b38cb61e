package org.drcc.backup.job;

import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.CompleteRestoreCommand;
import org.drcc.backup.command.FailRestoreCommand;
import org.drcc.backup.command.StartRestoreCommand;
import org.drcc.backup.encryption.DumpEnvelopes;
import org.drcc.backup.encryption.MissingEncryptionKeyException;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.BackupView;
import org.drcc.backup.query.Backups;
import org.drcc.backup.storage.S3Properties;
import org.drcc.kit.schedule.ClusterOnce;
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
    /** Far longer than a check and a start take; how long a start cut short by a crash holds its database. */
    private static final Duration START_LOCK_AT_MOST = Duration.ofMinutes(1);

    private final Backups backups;
    private final Policies policies;
    private final BackupObjects objects;
    private final CommandGateway commands;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final DumpEnvelopes envelopes;
    private final JobOwners owners;
    /** The instances' lock of restores into one database (the kit's, in the service's database). */
    private final ClusterOnce cluster;
    private final S3Properties s3;

    RestoreJob(Backups backups, Policies policies, BackupObjects objects, CommandGateway commands,
               TaskExecutor backupTasks, Clock clock, DumpEnvelopes envelopes, JobOwners owners,
               ClusterOnce cluster, S3Properties s3) {
        this.cluster = cluster;
        this.s3 = s3;
        this.owners = owners;
        this.envelopes = envelopes;
        this.backups = backups;
        this.policies = policies;
        this.objects = objects;
        this.commands = commands;
        this.tasks = backupTasks;
        this.clock = clock;
    }

    /**
     * Checks the request, records the start and restores in the background; refused requests touch nothing.
     * {@code from} names the tier to read (primary, secondary or tertiary); null: the first copy that is reachable
     * and reads with the backup's SHA-256, the one in the tier it was written to first.
     */
    public RestoreAccepted start(String backupId, String targetDatabase, boolean confirmOverwrite, String from,
                                 String actor) throws Exception {
        BackupView view = backups.view(backupId);
        BackupSummary backup = view.backup();
        if (!envelopes.canOpen(backup.encryptionKeyId())) {
            throw new MissingEncryptionKeyException(backupId, backup.encryptionKeyId());
        }
        List<BackupObjects.Copy> copies = copies(view, from, s3.buckets());
        PgTarget protectedDb = policies.target(backup.database());
        boolean overwrites = targetDatabase.equals(protectedDb.databaseName());
        String restoreId = UUID.randomUUID().toString();
        owners.own(restoreId);
        try {
            startAlone(backup.database(), targetDatabase, () -> {
                // after the check for a running restore: a second restore into a new database is told that one runs
                try {
                    if (!overwrites && PgServer.exists(protectedDb, targetDatabase)) {
                        throw new TargetDatabaseExistsException(targetDatabase);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot tell whether " + targetDatabase + " exists on the server of "
                            + backup.database() + "; nothing was started", e);
                }
                return new StartRestoreCommand(backupId, restoreId, targetDatabase, overwrites, confirmOverwrite, actor,
                        clock.instant());
            });
        } catch (RuntimeException e) {
            owners.releaseQuietly(restoreId);
            throw e;
        }
        tasks.execute(() -> restore(backup, copies, restoreId, protectedDb, targetDatabase, overwrites));
        return new RestoreAccepted(restoreId, backupId, targetDatabase, overwrites, backup.snapshotAt());
    }

    /**
     * Starts the restore unless another into the same database is running, on any instance. The check and the start
     * are made under the kit's cluster lock of that database's name (ShedLock's row in the service's database; the
     * start commits in Axon's own transaction before the lock is let go), so of two requests at the same moment the
     * second sees the first's RUNNING restore, or finds the lock taken and is refused at once. A lock held by an
     * instance that died in those milliseconds is let go after a minute. A restore left RUNNING by an instance that
     * died is failed by {@link OrphanedJobs}, which frees the database again. {@code start} checks the target and
     * makes the command, under the lock.
     */
    private void startAlone(String database, String target, Supplier<StartRestoreCommand> start) {
        // a name of the lock table's 64 characters at most, whatever the two names' lengths
        String lock = "restore " + UUID.nameUUIDFromBytes((database + "/" + target).getBytes(StandardCharsets.UTF_8));
        boolean started = cluster.alone(lock, START_LOCK_AT_MOST, () -> {
            backups.runningRestoreInto(database, target).ifPresent(running -> {
                throw new RestoreAlreadyRunningException(target, running.restoreId(), running.backupId());
            });
            // timed here, under the lock, so restores into one database never seem to overlap in their times
            commands.sendAndWait(start.get());
        });
        if (!started) {
            throw new RestoreAlreadyRunningException(database, target);
        }
    }

    /** Restores the newest verified backup of {@code database} taken before {@code before}, as {@link #start} does. */
    public RestoreAccepted startNewestVerifiedBefore(String database, Instant before, String targetDatabase,
                                                     boolean confirmOverwrite, String from, String actor)
            throws Exception {
        policies.require(database);
        BackupSummary newest = backups.list(new BackupFilter(database, "COMPLETED", true, before, 1)).stream()
                .findFirst().orElseThrow(() -> new NoVerifiedBackupException(database, before));
        return start(newest.backupId(), targetDatabase, confirmOverwrite, from, actor);
    }

    /**
     * The copies a restore may read, in the order it tries them: the one in the tier the dump was written to (the
     * primary, unless it was gone then: {@link DumpLanding}), then each other tier's proven copy; only those in tier
     * {@code from} unless it is null ({@link NoCopyInTierException} when there is none).
     */
    public static List<BackupObjects.Copy> copies(BackupView view, String from, S3Properties.Buckets buckets) {
        List<BackupObjects.Copy> all = new ArrayList<>();
        String home = view.backup().bucket();
        all.add(new BackupObjects.Copy(buckets.tierOf(home).orElse("primary"), home));
        view.copies().stream().filter(c -> "COPIED".equals(c.status()) && view.backup().sha256().equals(c.sha256())
                        && !c.bucket().equals(home))
                .forEach(c -> all.add(new BackupObjects.Copy(c.tier(), c.bucket())));
        if (from == null) {
            return all;
        }
        List<BackupObjects.Copy> chosen = all.stream().filter(c -> c.tier().equals(from)).toList();
        if (chosen.isEmpty()) {
            throw new NoCopyInTierException(view.backup().backupId(), from,
                    all.stream().map(BackupObjects.Copy::tier).toList());
        }
        return chosen;
    }

    private void restore(BackupSummary backup, List<BackupObjects.Copy> copies, String restoreId, PgTarget protectedDb,
                         String target, boolean overwrites) {
        try {
            BackupObjects.RestoredFrom from = objects.restore(backup, copies, protectedDb, target, overwrites, 6);
            commands.sendAndWait(new CompleteRestoreCommand(backup.backupId(), restoreId, from.source(),
                    from.passedOver(), clock.instant()));
            log.info("Backup {} restored into {} (restore point {}) from {}{}", backup.backupId(), target,
                    backup.snapshotAt(), from.source(), from.passedOver().isEmpty() ? ""
                            : "; passed over: " + String.join("; ", from.passedOver()));
        } catch (Exception e) {
            log.warn("Restore {} of backup {} into {} failed: {}", restoreId, backup.backupId(), target, e.toString());
            commands.sendAndWait(new FailRestoreCommand(backup.backupId(), restoreId, Failures.describe(e),
                    clock.instant()));
        } finally {
            owners.releaseQuietly(restoreId);
        }
    }
}
