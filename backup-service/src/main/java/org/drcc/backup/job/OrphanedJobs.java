package org.drcc.backup.job;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.catalog.CatalogRebuild;
import org.drcc.backup.pitr.BaseBackups;
import org.drcc.backup.command.FailBackupCommand;
import org.drcc.backup.command.FailRestoreCommand;
import org.drcc.backup.pitr.PitrRestoreView;
import org.drcc.backup.pitr.PitrViews;
import org.drcc.backup.pitr.PointInTimeRestores;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.backup.query.RestoreView;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.kit.schedule.ClusterOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a crash, a backup or restore that was running never will finish: it is recorded as failed, and the
 * backup's multipart upload is aborted, so it is never listed as good and leaves no parts. Safe with several
 * instances: only the jobs of an instance whose lease ran out ({@link JobOwners}) are failed, never one that another
 * live instance still runs. This instance renews its own lease every quarter of the lease from its start, and once
 * ready also looks for such orphans (one instance at a time, {@link ClusterOnce}); after a crash and a quick restart
 * the dead instance's jobs are therefore failed within about one lease (30 s), not at the very start. (Formerly
 * {@code StartupRecovery}, which failed every RUNNING job at start and so assumed a single instance.)
 * Restores to an instant left RUNNING are failed the same way ({@link PointInTimeRestores#failInterrupted}), and so
 * are base backups, whose claim then lets the next one start ({@link BaseBackups#failInterrupted}).
 * An orphaned backup that a tier holds complete, described by its catalogue object, is not failed but recorded as
 * that object says ({@link CatalogRebuild#reconcile}): the case of this service's own backup after a restore of its
 * database (the dump was taken while the backup ran, so the restored store has it RUNNING), and of a stop between
 * the catalogue object and the completion's event.
 */
@Component
class OrphanedJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OrphanedJobs.class);
    static final String CAUSE = "the backup-service instance running it stopped";
    static final String ACTOR = "backup-service";

    private final Backups backups;
    private final CommandGateway commands;
    private final ObjectStore store;
    private final Clock clock;
    private final JobOwners owners;
    private final CatalogRebuild catalog;
    private final PitrViews pitrViews;
    private final PointInTimeRestores pointInTime;
    private final BaseBackups baseBackups;
    private final Runnable recoverOnce;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "backup-instance-lease");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean ready;

    OrphanedJobs(Backups backups, CommandGateway commands, ObjectStore store, Clock clock, JobOwners owners,
                 CatalogRebuild catalog, ClusterOnce once, PitrViews pitrViews, PointInTimeRestores pointInTime,
                 BaseBackups baseBackups) {
        this.baseBackups = baseBackups;
        this.pitrViews = pitrViews;
        this.pointInTime = pointInTime;
        this.catalog = catalog;
        this.backups = backups;
        this.commands = commands;
        this.store = store;
        this.clock = clock;
        this.owners = owners;
        this.recoverOnce = once.once("orphaned-jobs", Duration.ofMinutes(5), Duration.ZERO, this::failOrphans);
        long period = Math.max(1, owners.lease().toMillis() / 4);
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** Orphans are looked for once commands can be sent; the lease is renewed from the start. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
        timer.execute(this::tick);
    }

    private void tick() {
        try {
            owners.renew();
            baseBackups.endLeft();
            if (ready) {
                recoverOnce.run();
            }
        } catch (RuntimeException e) {
            // the database is away: the lease runs out, and another instance (or this one, later) recovers
            log.warn("Instance lease not renewed or orphaned jobs not looked at: {}", e.toString());
        }
    }

    /** Fails every RUNNING backup, restore and base backup whose instance's lease ran out. */
    void failOrphans() {
        Map<String, BackupSummary> running = backups.allRunning().stream()
                .collect(Collectors.toMap(BackupSummary::backupId, Function.identity()));
        for (String id : owners.orphaned(running.keySet())) {
            BackupSummary backup = running.get(id);
            if (catalog.reconcile(backup, ACTOR).isPresent()) {
                owners.releaseQuietly(id);
                continue;
            }
            log.warn("Backup {} of {} was interrupted (its instance stopped); recording it as failed", id, backup.database());
            try {
                store.abortIncomplete(backup.bucket(), backup.objectKey());
            } catch (RuntimeException e) {
                log.warn("Could not abort the upload of {}: {}", backup.objectKey(), e.toString());
            }
            fail(id, new FailBackupCommand(id, CAUSE, clock.instant()));
        }
        Map<String, RestoreView> restores = backups.allRunningRestores().stream()
                .collect(Collectors.toMap(RestoreView::restoreId, Function.identity()));
        for (String id : ownerGone(restores.keySet())) {
            RestoreView restore = restores.get(id);
            log.warn("Restore {} of backup {} was interrupted (its instance stopped); recording it as failed", id,
                    restore.backupId());
            fail(id, new FailRestoreCommand(restore.backupId(), id, CAUSE, clock.instant()));
        }
        // restores to an instant alike
        Map<String, PitrRestoreView> toInstant = pitrViews.running().stream()
                .collect(Collectors.toMap(PitrRestoreView::restoreId, Function.identity()));
        for (String id : ownerGone(toInstant.keySet())) {
            PitrRestoreView restore = toInstant.get(id);
            log.warn("Restore {} of {} into {} was interrupted (its instance stopped); recording it as failed", id,
                    restore.database(), restore.targetDatabase());
            try {
                pointInTime.failInterrupted(restore, CAUSE, ACTOR);
                owners.releaseQuietly(id);
            } catch (RuntimeException | java.sql.SQLException e) {
                // it ended meanwhile, or a database is away: looked at again on the next round
                log.warn("The interrupted restore {} not recorded: {}", id, e.toString());
            }
        }
        failOrphanedBaseBackups();
    }

    /** Base backups whose instance stopped: recorded failed, their claim removed (each on its own). */
    private void failOrphanedBaseBackups() {
        Map<String, String> running = baseBackups.runningAnywhere();
        for (String id : ownerGone(running.keySet())) {
            try {
                if (baseBackups.failInterrupted(id, running.get(id), CAUSE + "; " + BaseBackups.CUT_SHORT, ACTOR)) {
                    log.warn("Base backup {} of {} was interrupted (its instance stopped); recorded as failed", id,
                            running.get(id));
                }
                owners.releaseQuietly(id);
            } catch (RuntimeException e) {
                log.warn("The interrupted base backup {} not recorded: {}", id, e.toString());
            }
        }
    }

    /**
     * Of running restores, the orphans. A restore is owned before it starts and let go only once it ended: one RUNNING
     * that no instance is recorded to run is an orphan too (a RUNNING restore refuses every other restore into its
     * database).
     */
    private Set<String> ownerGone(Set<String> restoreIds) {
        Set<String> orphans = new LinkedHashSet<>(owners.orphaned(restoreIds));
        orphans.addAll(owners.unowned(restoreIds));
        return orphans;
    }

    private void fail(String jobId, Object command) {
        try {
            commands.sendAndWait(command);
            owners.releaseQuietly(jobId);
        } catch (RuntimeException e) {
            // it ended meanwhile, or the database is away: looked at again on the next round
            log.warn("{} not recorded: {}", command, e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
