package org.drcc.backup.job;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.AbandonTierCopyCommand;
import org.drcc.backup.policy.CopyRetry;
import org.drcc.backup.query.Backups;
import org.drcc.backup.query.MissingCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Tries again each tier copy a completed, unexpired backup still lacks, on the backoff of {@link CopyRetry},
 * and gives the copy up once its attempts are spent. Driven by the read model's recorded attempts,
 * so a restart carries on where the last attempt left off, and a copy never tried (a crash between
 * the backup and its copies) is made too. Instances may sweep at once: a copy rewrites the same bytes,
 * and the aggregate keeps one outcome per attempt and one abandonment.
 */
@Component
class CopyRetrySweep {

    static final String ACTOR = "scheduler";
    private static final Logger log = LoggerFactory.getLogger(CopyRetrySweep.class);

    private final Backups backups;
    private final TierCopier copier;
    private final CommandGateway commands;
    private final CopyRetry retry;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    CopyRetrySweep(Backups backups, TierCopier copier, CommandGateway commands, CopyRetry retry,
                   TaskExecutor backupTasks, Clock clock) {
        this.backups = backups;
        this.copier = copier;
        this.commands = commands;
        this.retry = retry;
        this.tasks = backupTasks;
        this.clock = clock;
    }

    /** Run by the clock: copies take long, so the sweep runs on the job threads, one sweep at a time. */
    void start() {
        if (sweeping.compareAndSet(false, true)) {
            try {
                tasks.execute(() -> {
                    try {
                        sweep();
                    } finally {
                        sweeping.set(false);
                    }
                });
            } catch (RuntimeException e) {
                sweeping.set(false);
                log.warn("Tier copy sweep not started: {}", e.toString());
            }
        }
    }

    void sweep() {
        List<MissingCopy> missing = backups.missingCopies(copier.tiers());
        for (MissingCopy m : missing) {
            try {
                retry(m);
            } catch (RuntimeException e) {
                log.error("Retry of the {} copy of backup {} failed: {}", m.tier(), m.backupId(), e.toString());
            }
        }
    }

    private void retry(MissingCopy m) {
        Instant now = clock.instant();
        switch (retry.next(m.failedAttempts(), m.since(), now)) {
            case WAIT -> { }
            case COPY -> {
                if (copier.copy(m.backupId(), m.sources(), m.objectKey(), m.tier(), m.bucket(), m.failedAttempts() + 1)) {
                    log.info("Backup {} copied to the {} tier at attempt {}", m.backupId(), m.tier(),
                            m.failedAttempts() + 1);
                }
            }
            case ABANDON -> abandon(m, now);
        }
    }

    private void abandon(MissingCopy m, Instant now) {
        try {
            commands.sendAndWait(new AbandonTierCopyCommand(m.backupId(), m.tier(), retry.maxAttempts(), ACTOR, now));
            log.error("Backup {} of {} has no {} copy: given up after {} attempts", m.backupId(), m.database(),
                    m.tier(), m.failedAttempts());
        } catch (RuntimeException e) {
            // another instance gave it up (or copied it) first: the aggregate refused the second
            Failures.refusal(e).ifPresentOrElse(r -> log.info("Not given up: {}", r.getMessage()), () -> {
                throw e;
            });
        }
    }
}
