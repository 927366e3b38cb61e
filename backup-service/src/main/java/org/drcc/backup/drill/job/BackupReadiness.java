package org.drcc.backup.drill.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.drcc.backup.drill.config.DrillProperties;
import org.drcc.backup.job.BackupAlreadyRunningException;
import org.drcc.backup.job.BackupJob;
import org.drcc.backup.job.VerifyJob;
import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.backup.query.TierCopy;
import org.springframework.stereotype.Component;

/**
 * Finds the verified backup a drill restores from, as an operator would before an exercise: the newest
 * verified one if it is recent enough to meet the scenario's RPO (taken within half of it), else the newest
 * recent completed one, verified now, else a new backup, taken and verified now. A drill of the loss of a
 * site also needs the backup's tertiary (off-site) copy.
 */
@Component
class BackupReadiness {

    static final String TERTIARY = "tertiary";

    private final Backups backups;
    private final BackupJob backupJob;
    private final VerifyJob verifyJob;
    private final Clock clock;
    private final Duration timeout;

    BackupReadiness(Backups backups, BackupJob backupJob, VerifyJob verifyJob, Clock clock, DrillProperties properties) {
        this.backups = backups;
        this.backupJob = backupJob;
        this.verifyJob = verifyJob;
        this.clock = clock;
        this.timeout = properties.waitTimeout();
    }

    BackupSummary ready(String database, Duration rpo, boolean needsTertiary, String actor) throws InterruptedException {
        Instant freshAfter = rpo == null ? Instant.MIN : clock.instant().minus(rpo.dividedBy(2));
        for (BackupSummary b : backups.list(new BackupFilter(database, "COMPLETED", true, null, 20))) {
            if (b.snapshotAt().isAfter(freshAfter) && (!needsTertiary || tertiary(b.backupId()).filter(c -> "COPIED".equals(c.status())).isPresent())) {
                return b;
            }
        }
        BackupSummary candidate = backups.list(new BackupFilter(database, "COMPLETED", null, null, 1)).stream()
                .filter(b -> b.snapshotAt().isAfter(freshAfter) && !"FAILED".equals(b.verification()))
                .findFirst().orElse(null);
        String backupId = candidate != null ? candidate.backupId() : takeBackup(database, actor);
        if (!"VERIFIED".equals(summary(backupId).verification())) {
            verifyJob.start(backupId, actor);
            BackupSummary verified = await(() -> summary(backupId), b -> !"UNVERIFIED".equals(b.verification()),
                    "the verification of backup " + backupId);
            if (!"VERIFIED".equals(verified.verification())) {
                throw new IllegalStateException("backup " + backupId + " failed verification (" + verified.verificationCheck()
                        + "): " + verified.verificationDetail());
            }
        }
        if (needsTertiary) {
            TierCopy copy = await(() -> tertiary(backupId).orElse(null), c -> true, "the tertiary copy of " + backupId);
            if (!"COPIED".equals(copy.status())) {
                throw new IllegalStateException("backup " + backupId + " has no tertiary copy: " + copy.failure());
            }
        }
        return summary(backupId);
    }

    private String takeBackup(String database, String actor) throws InterruptedException {
        String id;
        try {
            id = backupJob.start(database, actor);
        } catch (BackupAlreadyRunningException e) {
            id = backups.running(database).map(BackupSummary::backupId).orElseThrow(() -> e);
        }
        String backupId = id;
        BackupSummary done = await(() -> summary(backupId), b -> !"RUNNING".equals(b.status()), "backup " + backupId);
        if (!"COMPLETED".equals(done.status())) {
            throw new IllegalStateException("backup " + backupId + " failed: " + done.failure());
        }
        return backupId;
    }

    Optional<TierCopy> tertiary(String backupId) {
        return backups.view(backupId).copies().stream().filter(c -> TERTIARY.equals(c.tier())).findFirst()
                .filter(c -> "COPIED".equals(c.status()) || "FAILED".equals(c.status()));
    }

    private BackupSummary summary(String backupId) {
        return backups.summary(backupId).orElseThrow();
    }

    private <T> T await(Supplier<T> read, java.util.function.Predicate<T> done, String what) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            T value = read.get();
            if (value != null && done.test(value)) {
                return value;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not finish within " + timeout);
            }
            Thread.sleep(250);
        }
    }
}
