package org.drcc.backup.job;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.FailBackupCommand;
import org.drcc.kit.rules.RuleRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records that a backup failed, whatever it takes. A backup left RUNNING blocks every later backup of
 * its database, and the moment a dump fails is often the moment the service's own database is
 * unreachable too; so a failure that cannot be recorded is tried again, with a growing delay (up to
 * {@code maxDelay}), until it is recorded or the backup is no longer running (another path recorded it).
 * The retries run on a thread of their own, never holding a job thread; they last as long as the
 * process, after which the start-up recovery or the stale-backup sweep records the failure.
 */
@Component
class FailureRecorder {

    private static final Logger log = LoggerFactory.getLogger(FailureRecorder.class);

    private final CommandGateway commands;
    private final Clock clock;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backup-failure-retry");
        t.setDaemon(true);
        return t;
    });

    /** {@code firstDelay}: {@code dr.backup.failure-retry.first-delay} (1 s); a test of the retries may set less. */
    @Autowired
    FailureRecorder(CommandGateway commands, Clock clock,
                    @Value("${dr.backup.failure-retry.first-delay:PT1S}") Duration firstDelay) {
        this(commands, clock, firstDelay, Duration.ofMinutes(1));
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("dr.backup.failure-retry.first-delay must be a positive duration (got "
                    + firstDelay + ")");
        }
    }

    FailureRecorder(CommandGateway commands, Clock clock, Duration firstDelay, Duration maxDelay) {
        this.commands = commands;
        this.clock = clock;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Records the failure now if it can, else schedules the next attempts; never throws. Every attempt
     * carries the instant the failure was first seen, not the one a retry got through.
     */
    void record(String backupId, String cause) {
        attempt(new FailBackupCommand(backupId, cause, clock.instant()), 1, firstDelay);
    }

    private void attempt(FailBackupCommand failure, int attempt, Duration delay) {
        try {
            commands.sendAndWait(failure);
            if (attempt > 1) {
                log.info("The failure of backup {} is recorded, at attempt {}", failure.backupId(), attempt);
            }
        } catch (RuleRefusedException e) {
            log.info("The failure of backup {} needs no recording: {}", failure.backupId(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Could not record the failure of backup {} (attempt {}), trying again in {}: {}",
                    failure.backupId(), attempt, delay, e.toString());
            Duration next = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            try {
                retries.schedule(() -> attempt(failure, attempt + 1, next), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException shutDown) {
                log.error("Backup {} stays RUNNING until the next start-up: the service is stopping",
                        failure.backupId());
            }
        }
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
