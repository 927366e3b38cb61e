package org.drcc.kit.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Links the stored events into the hash chain after they commit, off the commit path: the insert trigger only
 * queues an event ({@code event_chain_pending}); this calls the database's {@code link_pending}, which links what
 * it finds committed, in order of the global index, up to {@value #BATCH} events a transaction. Every instance runs
 * it on its own thread every {@code dr.audit.link-interval} (200 ms); the database lets one linker at a time work,
 * the others' turns pass. {@link #linkNow()} links everything committed so far, waiting for another instance's
 * linker if it is at work: the checkpoint writer and the verifier call it first.
 */
public class ChainLinker implements SmartLifecycle {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ChainLinker.class);

    private final JdbcTemplate jdbc;
    /** For the gauges: a scrape gives up after 2 s rather than wait on a PostgreSQL that does not answer. */
    private final JdbcTemplate quick;
    private final Duration interval;
    private ScheduledExecutorService thread;
    private boolean failing;

    public ChainLinker(DataSource dataSource, Duration interval) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.quick = new JdbcTemplate(dataSource);
        this.quick.setQueryTimeout(2);
        this.interval = interval;
    }

    /** One turn of the background linker: links what is queued, unless another linker is at work. */
    public long linkQueued() {
        return link(false);
    }

    /** Links every event committed before the call, waiting for another linker to finish first. */
    public long linkNow() {
        return link(true);
    }

    private long link(boolean wait) {
        long linked = 0;
        while (true) {
            // one transaction per batch: its own statement in auto-commit
            Integer taken = jdbc.queryForObject("SELECT link_pending(?, ?)", Integer.class, BATCH, wait);
            if (taken == null || taken < 0) {
                return linked;
            }
            linked += taken;
            if (taken < BATCH) {
                return linked;
            }
        }
    }

    /** How far the linker is behind: the events queued and the age of the oldest, in seconds (0 when none). */
    public Lag lag() {
        return quick.queryForObject("""
                SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(queued_at)), 0)
                FROM event_chain_pending""", (rs, row) -> new Lag(rs.getLong(1), rs.getDouble(2)));
    }

    public record Lag(long events, double oldestSeconds) {
    }

    private void turn() {
        try {
            linkQueued();
            if (failing) {
                log.info("The audit chain's linker works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // once per streak, by class: PostgreSQL's own message may name an address; the events stay queued
            if (!failing) {
                log.warn("The audit chain's linker failed ({}); the events stay queued and it tries again every {} ms",
                        e.getClass().getSimpleName(), interval.toMillis());
                failing = true;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "audit-chain-linker");
                t.setDaemon(true);
                return t;
            });
            // its own thread: a long scheduled job of the service does not hold the linking up
            thread.scheduleWithFixedDelay(this::turn, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
