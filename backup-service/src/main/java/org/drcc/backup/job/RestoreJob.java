package org.drcc.backup.job;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
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
    private final DumpEnvelopes envelopes;
    private final JobOwners owners;
    /** The service's own database, where the instances take the lock of restores into one database. */
    private final DataSource database;

    RestoreJob(Backups backups, Policies policies, BackupObjects objects, CommandGateway commands,
               TaskExecutor backupTasks, Clock clock, DumpEnvelopes envelopes, JobOwners owners,
               DataSource database) {
        this.database = database;
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
     * and reads with the backup's SHA-256, primary first.
     */
    public RestoreAccepted start(String backupId, String targetDatabase, boolean confirmOverwrite, String from,
                                 String actor) throws Exception {
        BackupView view = backups.view(backupId);
        BackupSummary backup = view.backup();
        if (!envelopes.canOpen(backup.encryptionKeyId())) {
            throw new MissingEncryptionKeyException(backupId, backup.encryptionKeyId());
        }
        List<BackupObjects.Copy> copies = copies(view, from);
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
     * are made under PostgreSQL's advisory lock of that database's name, taken on a connection of its own (the start
     * commits in Axon's own transaction, as every command does, and is visible before the lock is let go), so of two
     * requests at the same moment the second sees the first's RUNNING restore, or finds the lock taken and is refused
     * at once: nobody waits on it holding a pooled connection. The lock ends with its session, were this instance to
     * die holding it. A restore left RUNNING by an instance that died is failed by {@link OrphanedJobs}, which frees
     * the database again. {@code start} checks the target and makes the command, under the lock.
     */
    private void startAlone(String database, String target, Supplier<StartRestoreCommand> start) {
        String lock = "restore into " + database + "/" + target;
        Connection session;
        boolean locked;
        try {
            session = this.database.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lock of restores into " + target + " in the service's "
                    + "database; nothing was started", e);
        }
        try {
            try {
                locked = advisory(session, "SELECT pg_try_advisory_lock(hashtext(?))", lock);
            } catch (SQLException e) {
                throw new IllegalStateException("could not take the lock of restores into " + target + " in the "
                        + "service's database; nothing was started", e);
            }
            if (!locked) {
                throw new RestoreAlreadyRunningException(database, target);
            }
            try {
                backups.runningRestoreInto(database, target).ifPresent(running -> {
                    throw new RestoreAlreadyRunningException(target, running.restoreId(), running.backupId());
                });
                // timed here, under the lock, so restores into one database never seem to overlap in their times
                commands.sendAndWait(start.get());
            } finally {
                letGo(session, lock, target);
            }
        } finally {
            try {
                session.close();
            } catch (SQLException e) {
                log.debug("Closing the session of the lock of restores into {}: SQL state {}", target, e.getSQLState());
            }
        }
    }

    /** Lets the lock go; where that fails, the session is evicted from the pool, which ends it and its lock. */
    private void letGo(Connection session, String lock, String target) {
        try {
            advisory(session, "SELECT pg_advisory_unlock(hashtext(?))", lock);
        } catch (SQLException notLetGo) {
            // what was decided stands; a pooled session must not keep the lock
            log.warn("The lock of restores into {} was not let go (SQL state {}); its session is ended instead", target,
                    notLetGo.getSQLState());
            if (this.database instanceof HikariDataSource pool) {
                pool.evictConnection(session);
            } else {
                try {
                    session.abort(Runnable::run);
                } catch (SQLException e) {
                    log.warn("The session of the lock of restores into {} could not be ended: SQL state {}", target,
                            e.getSQLState());
                }
            }
        }
    }

    private static boolean advisory(Connection session, String sql, String lock) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setString(1, lock);
            try (ResultSet answer = statement.executeQuery()) {
                return answer.next() && answer.getBoolean(1);
            }
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

    /** The copies a restore may read, in the order it tries them: the primary's, then each tier's proven copy. */
    static List<BackupObjects.Copy> copies(BackupView view, String from) {
        List<BackupObjects.Copy> all = new ArrayList<>();
        all.add(new BackupObjects.Copy("primary", view.backup().bucket()));
        view.copies().stream().filter(c -> "COPIED".equals(c.status()) && view.backup().sha256().equals(c.sha256()))
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
