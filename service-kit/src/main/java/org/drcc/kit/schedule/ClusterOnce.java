package org.drcc.kit.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Runs a scheduled job on one instance of a service at a time, through ShedLock's lock row in the service's
 * database: the other instances' runs of the same job are skipped while it holds the lock ({@link #once}); or a
 * request, refused while the same one runs on any instance ({@link #alone}).
 *
 * <p>{@code atMostFor} frees the lock of an instance that died mid-run (choose it longer than the job ever
 * takes); {@code atLeastFor} keeps it after a quick run, so that another instance whose clock fires the same
 * cron a moment later does not run the job a second time (choose it shorter than the schedule's period).
 */
public final class ClusterOnce {

    private final LockProvider locks;
    private final LockingTaskExecutor executor;

    public ClusterOnce(LockProvider locks) {
        this.locks = locks;
        this.executor = new DefaultLockingTaskExecutor(locks);
    }

    /**
     * {@code task}, now, unless another caller on any instance holds the lock {@code name}: then false, at once,
     * without waiting and without running it. For a request that must not run beside the same request elsewhere; the
     * lock is let go when {@code task} ends, or after {@code atMostFor} if the instance died holding it.
     */
    public boolean alone(String name, Duration atMostFor, Runnable task) {
        // the lock itself, not the executor's executeWithLock with a result: the executor runs a task whose lock this
        // thread already holds, where a request must be refused whoever holds it (ClusterOnceIT)
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), name, atMostFor, Duration.ZERO));
        if (lock.isEmpty()) {
            return false;
        }
        try {
            task.run();
        } finally {
            lock.get().unlock();
        }
        return true;
    }

    /** {@code task}, run only by the instance that holds the lock {@code name} at the time. */
    public Runnable once(String name, Duration atMostFor, Duration atLeastFor, Runnable task) {
        return () -> executor.executeWithLock(task, new LockConfiguration(Instant.now(), name, atMostFor, atLeastFor));
    }
}
