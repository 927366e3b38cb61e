package org.drcc.drill.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.drcc.drill.backup.BackupDesk;
import org.drcc.drill.backup.BackupRecord;
import org.springframework.stereotype.Component;

/**
 * Finds the verified backup a drill restores from, as an operator would before an exercise: the newest
 * verified one if it is recent enough to meet the scenario's RPO (taken within half of it), else the newest
 * recent completed one, verified now, else a new backup, taken and verified now. A drill of the loss of a
 * site also needs the backup's tertiary (off-site) copy.
 */
@Component
class BackupReadiness {

    private final BackupDesk desk;
    private final Clock clock;
    private final Duration timeout;

    BackupReadiness(BackupDesk desk, Clock clock, DrillProperties properties) {
        this.desk = desk;
        this.clock = clock;
        this.timeout = properties.waitTimeout();
    }

    BackupRecord ready(String database, Duration rpo, boolean needsTertiary, String actor) throws InterruptedException {
        Instant freshAfter = rpo == null ? Instant.MIN : clock.instant().minus(rpo.dividedBy(2));
        for (BackupRecord b : desk.completed(database, true, null, 20)) {
            if (b.snapshotAt().isAfter(freshAfter) && (!needsTertiary || tertiaryCopied(b.backupId()))) {
                return b;
            }
        }
        BackupRecord candidate = desk.completed(database, false, null, 1).stream()
                .filter(b -> b.snapshotAt().isAfter(freshAfter) && !"FAILED".equals(b.verification()))
                .findFirst().orElse(null);
        String backupId = candidate != null ? candidate.backupId() : takeBackup(database, actor);
        if (!"VERIFIED".equals(summary(backupId).verification())) {
            desk.startVerification(backupId, actor);
            BackupRecord verified = await(() -> summary(backupId), b -> !"UNVERIFIED".equals(b.verification()),
                    "the verification of backup " + backupId);
            if (!"VERIFIED".equals(verified.verification())) {
                throw new IllegalStateException("backup " + backupId + " failed verification (" + verified.verificationCheck()
                        + "): " + verified.verificationDetail());
            }
        }
        if (needsTertiary) {
            BackupDesk.TierCopy copy = await(() -> desk.tertiaryCopy(backupId).orElse(null), c -> true,
                    "the tertiary copy of " + backupId);
            if (!"COPIED".equals(copy.status())) {
                throw new IllegalStateException("backup " + backupId + " has no tertiary copy: " + copy.failure());
            }
        }
        return summary(backupId);
    }

    private String takeBackup(String database, String actor) throws InterruptedException {
        String backupId = desk.startBackup(database, actor);
        BackupRecord done = await(() -> summary(backupId), b -> !"RUNNING".equals(b.status()), "backup " + backupId);
        if (!"COMPLETED".equals(done.status())) {
            throw new IllegalStateException("backup " + backupId + " failed: " + done.failure());
        }
        return backupId;
    }

    boolean tertiaryCopied(String backupId) {
        return desk.tertiaryCopy(backupId).filter(c -> "COPIED".equals(c.status())).isPresent();
    }

    private BackupRecord summary(String backupId) {
        return desk.backup(backupId).orElseThrow();
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
