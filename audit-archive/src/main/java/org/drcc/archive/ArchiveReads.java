package org.drcc.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Reads a walk's next objects while it handles one. A verification or a replay goes through the archive segment by
 * segment, one or two GETs each, and the archive keeps seven years: one after the other, each GET waits its round trip
 * to the store. {@link #ahead} reads up to {@code dr.archive.read-ahead} keys ahead on threads of its own, and hands
 * the results over in the walk's order, so what the walk finds (a break, the first matching event) is the same.
 * Written here because the SDK's synchronous client is what the kit's store speaks, and neither it nor the JDK has
 * an ordered, bounded read-ahead over a blocking call.
 */
final class ArchiveReads implements AutoCloseable {

    private final int window;
    private final ExecutorService pool;

    ArchiveReads(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("dr.archive.read-ahead must be at least 1, was " + window);
        }
        this.window = window;
        this.pool = Executors.newFixedThreadPool(window, runnable -> {
            Thread thread = new Thread(runnable, "archive-read");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The results of {@code read} for each key, in the keys' order, read up to the window ahead. */
    <K, V> Ahead<V> ahead(Iterable<K> keys, Function<K, V> read) {
        return new Ahead<>(keys.iterator(), read);
    }

    /** Ends the reading threads, with the application. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Close it when the walk stops early: the reads still on their way are dropped. */
    final class Ahead<V> implements Iterator<V>, AutoCloseable {

        private final Deque<Future<V>> onTheirWay = new ArrayDeque<>();
        private final Runnable send;
        private final BooleanSupplier more;

        private <K> Ahead(Iterator<K> keys, Function<K, V> read) {
            this.send = () -> {
                K key = keys.next();
                onTheirWay.add(pool.submit(() -> read.apply(key)));
            };
            this.more = keys::hasNext;
            while (onTheirWay.size() < window && more.getAsBoolean()) {
                send.run();
            }
        }

        @Override
        public boolean hasNext() {
            return !onTheirWay.isEmpty();
        }

        /** The next result; what the read threw is thrown here, where the walk reaches it. */
        @Override
        public V next() {
            Future<V> next = onTheirWay.removeFirst();
            if (more.getAsBoolean()) {
                send.run();
            }
            try {
                return next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the archive", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            onTheirWay.forEach(f -> f.cancel(true));
            onTheirWay.clear();
        }
    }
}
