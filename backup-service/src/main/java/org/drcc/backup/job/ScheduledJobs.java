package org.drcc.backup.job;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drcc.backup.pitr.BaseBackups;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.Backups;
import org.drcc.kit.schedule.ClusterOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * What runs by the clock: each database's backups on its policy's schedule, the base backups for point-in-time
 * recovery (when set up), the weekly verification
 * sweep (each database's newest backup, and every completed backup never verified), retention, the RPO watch,
 * and the sweep of backups left RUNNING, each on one instance at a time ({@link ClusterOnce}). Off with
 * {@code dr.backup.scheduling-enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "dr.backup.scheduling-enabled", havingValue = "true", matchIfMissing = true)
class ScheduledJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);
    private static final String SCHEDULER = "scheduler";

    private final BackupProperties properties;
    private final Policies policies;
    private final BackupJob backupJob;
    private final VerifyJob verifyJob;
    private final RetentionJob retentionJob;
    private final Backups backups;
    private final RpoWatch rpoWatch;
    private final StaleBackupSweep staleBackups;
    private final Duration rpoCheckInterval;
    private final ClusterOnce once;
    private final BaseBackups baseBackups;
    private final String baseBackupSchedule;

    ScheduledJobs(BackupProperties properties, Policies policies, BackupJob backupJob, VerifyJob verifyJob,
                  RetentionJob retentionJob, Backups backups, RpoWatch rpoWatch, StaleBackupSweep staleBackups,
                  @Value("${dr.backup.rpo-check-interval:PT1M}") Duration rpoCheckInterval, ClusterOnce once,
                  BaseBackups baseBackups, @Value("${dr.backup.pitr.schedule:0 15 2 * * *}") String baseBackupSchedule) {
        this.baseBackups = baseBackups;
        this.baseBackupSchedule = baseBackupSchedule;
        this.once = once;
        this.staleBackups = staleBackups;
        this.rpoWatch = rpoWatch;
        this.rpoCheckInterval = rpoCheckInterval;
        this.properties = properties;
        this.policies = policies;
        this.backupJob = backupJob;
        this.verifyJob = verifyJob;
        this.retentionJob = retentionJob;
        this.backups = backups;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // One instance of backup-service runs each job: a cron firing on two instances at the same minute
        // does not take two backups or run retention twice (the lock outlives a quick run by a minute).
        policies.all().forEach((database, policy) -> registrar.addCronTask(
                once.once("backup:" + database, Duration.ofMinutes(10), Duration.ofMinutes(1), () -> backUp(database)),
                policy.schedule()));
        registrar.addCronTask(once.once("verification-sweep", Duration.ofHours(1), Duration.ofMinutes(1),
                this::verifySweep), properties.verificationSchedule());
        registrar.addCronTask(once.once("retention", Duration.ofHours(1), Duration.ofMinutes(1),
                () -> retentionJob.run(SCHEDULER)), properties.retentionSchedule());
        registrar.addFixedDelayTask(once.once("rpo-watch", Duration.ofMinutes(10), rpoCheckInterval.dividedBy(2),
                rpoWatch::check), rpoCheckInterval);
        if (baseBackups.enabled()) {
            registrar.addCronTask(once.once("base-backup", Duration.ofHours(6), Duration.ofMinutes(1),
                    this::baseBackup), baseBackupSchedule);
        }
        registrar.addFixedDelayTask(once.once("stale-backups", Duration.ofMinutes(10),
                properties.staleCheckInterval().dividedBy(2), staleBackups::sweep), properties.staleCheckInterval());
    }

    private void backUp(String database) {
        try {
            backupJob.start(database, SCHEDULER);
        } catch (BackupAlreadyRunningException e) {
            log.warn("Scheduled backup of {} skipped: {}", database, e.getMessage());
        }
    }

    private void baseBackup() {
        try {
            baseBackups.run(SCHEDULER);
        } catch (RuntimeException e) {
            log.warn("Scheduled base backup skipped: {}", e.getMessage());
        }
    }

    /**
     * The RPO counts only verified backups, so every backup left unverified (its automatic verification
     * lost to a crash or turned off) is verified, newest first as it is the likeliest restore point;
     * each database's newest is verified again even when verified before, to catch damage in storage.
     */
    private void verifySweep() {
        Set<String> newest = new LinkedHashSet<>();
        policies.all().keySet().forEach(database ->
                backups.list(new BackupFilter(database, "COMPLETED", null, null, 1))
                        .forEach(b -> newest.add(b.backupId())));
        Set<String> due = new LinkedHashSet<>(newest);
        backups.unverified().forEach(b -> due.add(b.backupId()));
        verifyJob.startInTurn(List.copyOf(due), Set.copyOf(newest), SCHEDULER);
    }
}
