package org.drcc.backup.job;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.AbandonTierCopyCommand;
import org.drcc.backup.policy.CopyRetry;
import org.drcc.backup.query.Backups;
import org.drcc.backup.query.MissingCopy;
import org.drcc.backup.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Tries again each tier copy a completed, unexpired backup still lacks, on the backoff of {@link CopyRetry}, and gives
 * the copy up once its attempts are spent. A retry is made, and counted, only while the tier's store answers, and the
 * store of one of the copy's sources: a store that gives no answer or a server error (its site is gone) is asked again
 * at each sweep, once per sweep, is not read from, and the copies to or from it wait for it however long it takes, so
 * that the backups taken during a regional outage reach it once it is back instead of being given up within the
 * minutes of their attempts. A tier that answers without its bucket (deleted, or never made) is a fault someone must
 * mend: its attempts count, and end in the copy given up and its alert. Driven by the read model's recorded attempts,
 * so a restart carries on where the last attempt left off, and a copy never tried (a crash between the backup and its
 * copies) is made too. Instances may sweep at once: a copy rewrites the same bytes, and the aggregate keeps one
 * outcome per attempt and one abandonment.
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
    private final ObjectStore store;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    CopyRetrySweep(Backups backups, TierCopier copier, CommandGateway commands, CopyRetry retry,
                   TaskExecutor backupTasks, Clock clock, ObjectStore store) {
        this.store = store;
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
        Map<String, Optional<ObjectStore.Unusable>> probed = new HashMap<>();
        for (MissingCopy m : missing) {
            try {
                retry(m, probed);
            } catch (RuntimeException e) {
                log.error("Retry of the {} copy of backup {} failed: {}", m.tier(), m.backupId(), e.toString());
            }
        }
    }

    private void retry(MissingCopy m, Map<String, Optional<ObjectStore.Unusable>> probed) {
        Instant now = clock.instant();
        switch (retry.next(m.failedAttempts(), m.since(), now)) {
            case WAIT -> { }
            case COPY -> {
                if (silent(m.bucket(), probed)) {
                    return; // not an attempt: nothing could be tried
                }
                List<String> sources = m.sources().stream().filter(from -> !silent(from, probed)).toList();
                if (sources.isEmpty()) {
                    return;
                }
                if (copier.copy(m.backupId(), sources, m.objectKey(), m.sha256(), m.tier(), m.bucket(),
                        m.failedAttempts() + 1)) {
                    log.info("Backup {} copied to the {} tier at attempt {}", m.backupId(), m.tier(),
                            m.failedAttempts() + 1);
                }
            }
            case ABANDON -> abandon(m, now);
        }
    }

    /** Whether the store of {@code bucket} gives no answer now; asked once per sweep. */
    private boolean silent(String bucket, Map<String, Optional<ObjectStore.Unusable>> probed) {
        return probed.computeIfAbsent(bucket, b -> {
            Optional<ObjectStore.Unusable> unusable = store.unusable(b, DumpLanding.PROBE_TIMEOUT)
                    .filter(u -> !u.answered());
            unusable.ifPresent(u -> log.warn("The store of bucket {} gives no answer ({}): the copies to and from it "
                    + "wait for it, without counting attempts", b, u.reason()));
            return unusable;
        }).isPresent();
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
