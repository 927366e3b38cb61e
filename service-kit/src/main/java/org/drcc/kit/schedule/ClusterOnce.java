package org.drcc.kit.schedule;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs a scheduled job on one instance of a service at a time, through ShedLock's lock row in the service's
 * database: the other instances' runs of the same job are skipped while it holds the lock.
 *
 * <p>{@code atMostFor} frees the lock of an instance that died mid-run (choose it longer than the job ever
 * takes); {@code atLeastFor} keeps it after a quick run, so that another instance whose clock fires the same
 * cron a moment later does not run the job a second time (choose it shorter than the schedule's period).
 */
public final class ClusterOnce {

    private final LockingTaskExecutor executor;

    public ClusterOnce(LockProvider locks) {
        this.executor = new DefaultLockingTaskExecutor(locks);
    }

    /** {@code task}, run only by the instance that holds the lock {@code name} at the time. */
    public Runnable once(String name, Duration atMostFor, Duration atLeastFor, Runnable task) {
        return () -> executor.executeWithLock(task, new LockConfiguration(Instant.now(), name, atMostFor, atLeastFor));
    }
}
