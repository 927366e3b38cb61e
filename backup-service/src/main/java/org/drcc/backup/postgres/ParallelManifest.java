package org.drcc.backup.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.drcc.contract.backup.TableChecksum;

/**
 * Reads a {@link Manifest} over several connections at once, the biggest tables first. Given an
 * exported snapshot, every connection imports it, so all of them see exactly what the dump of that
 * snapshot holds. Runs on threads of its own, so a dump can stream while its manifest is read;
 * {@link #cancel()} stops it (running statements are cancelled on the server).
 */
public final class ParallelManifest {

    private final PgTarget database;
    private final String snapshotId;
    private final int connections;
    private final boolean parallelWorkers;
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final List<TableChecksum> read = Collections.synchronizedList(new ArrayList<>());
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private final AtomicReference<SQLException> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    /** {@code snapshotId} may be null: each connection then sees the database as it is (an idle one). */
    public ParallelManifest(PgTarget database, String snapshotId, int connections) {
        this(database, snapshotId, connections, true);
    }

    private ParallelManifest(PgTarget database, String snapshotId, int connections, boolean parallelWorkers) {
        this.database = database;
        this.snapshotId = snapshotId;
        this.connections = Math.max(1, connections);
        this.parallelWorkers = parallelWorkers;
    }

    /**
     * The manifest of the snapshot a dump is taken from, read beside the dump: over one connection and
     * without parallel query workers. It has the whole dump's time to finish, and every core it takes
     * is one that pg_dump and the compression of its archive cannot use.
     */
    public static ParallelManifest besideDump(PgTarget database, String snapshotId) {
        return new ParallelManifest(database, snapshotId, 1, false);
    }

    /** Starts reading; the future holds the tables sorted by name, or the first failure. */
    public CompletableFuture<List<TableChecksum>> start() {
        return CompletableFuture.supplyAsync(this::readAll, r -> daemon(r, "manifest").start());
    }

    /** Reads it on the caller's thread (and as many more as connections). */
    public List<TableChecksum> read() throws SQLException {
        try {
            return readAll();
        } catch (CompletionException e) {
            throw (SQLException) e.getCause();
        }
    }

    public void cancel() {
        cancelled = true;
        pending.clear();
        for (Statement s : running) {
            try {
                s.cancel();
            } catch (SQLException e) {
                // it ended meanwhile
            }
        }
    }

    private List<TableChecksum> readAll() {
        try (Connection first = open()) {
            pending.addAll(Manifest.tables(first));
            List<CompletableFuture<Void>> others = new ArrayList<>();
            for (int i = 1; i < connections && i < pending.size(); i++) {
                others.add(CompletableFuture.runAsync(this::workOnOwnConnection, r -> daemon(r, "manifest-x").start()));
            }
            try {
                work(first);
            } catch (SQLException e) {
                fail(e);
            }
            others.forEach(CompletableFuture::join);
        } catch (SQLException e) {
            fail(e);
        }
        if (failure.get() != null) {
            throw new CompletionException(failure.get());
        }
        if (cancelled) {
            throw new CompletionException(new SQLException("the manifest was cancelled"));
        }
        List<TableChecksum> tables = new ArrayList<>(read);
        tables.sort(Comparator.comparing(TableChecksum::table));
        return tables;
    }

    /** The first failure is the one reported: the others are the cancellations it caused. */
    private void fail(SQLException e) {
        failure.compareAndSet(null, e);
        cancel();
    }

    private void workOnOwnConnection() {
        try (Connection c = open()) {
            work(c);
        } catch (SQLException e) {
            fail(e);
        }
    }

    private void work(Connection c) throws SQLException {
        String table;
        while (!cancelled && (table = pending.poll()) != null) {
            Statement s = c.createStatement();
            running.add(s);
            try {
                read.add(Manifest.checksum(s, table));
            } finally {
                running.remove(s);
            }
        }
    }

    private Connection open() throws SQLException {
        Connection c = database.connect();
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            if (snapshotId != null) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (Statement s = c.createStatement()) {
                    // must be the transaction's first statement; the snapshot id is PostgreSQL's own
                    s.execute("SET TRANSACTION SNAPSHOT '" + snapshotId.replace("'", "''") + "'");
                }
            }
            if (!parallelWorkers) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
