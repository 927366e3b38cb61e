package org.drcc.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a walk's next objects while it handles one. A verification or a replay goes through the archive segment by
 * segment, one or two GETs each, and the archive keeps seven years: one after the other, each GET waits its round trip
 * to the store. {@link #ahead} reads up to {@code dr.archive.read-ahead} keys beyond the one the walk waits for, on
 * threads of its own, and hands the results over in the walk's order, so what the walk finds (a break, the first
 * matching event) is the same; 0 reads each key on the walk's own thread when it gets there, as before. Each walk has its window; the threads are
 * made as walks need them (and end when idle), so a walk stuck on a store that does not answer holds up no other.
 * Written here because the SDK's synchronous client is what the kit's store speaks, and neither it nor the JDK has
 * an ordered, bounded read-ahead over a blocking call.
 */
final class ArchiveReads implements AutoCloseable {

    private final int window;
    private final ExecutorService pool;

    ArchiveReads(int window) {
        if (window < 0) {
            throw new IllegalArgumentException("dr.archive.read-ahead must be 0 (no reading ahead) or more, was " + window);
        }
        this.window = window;
        this.pool = Executors.newCachedThreadPool(runnable -> {
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
        private final Iterator<?> keys;
        private final Supplier<Future<V>> send;
        private final Supplier<V> readHere;
        private boolean closed;

        private <K> Ahead(Iterator<K> keys, Function<K, V> read) {
            this.keys = keys;
            this.send = () -> {
                K key = keys.next();
                return pool.submit(() -> read.apply(key));
            };
            this.readHere = () -> read.apply(keys.next());
            while (onTheirWay.size() < window && keys.hasNext()) {
                onTheirWay.add(send.get());
            }
        }

        @Override
        public boolean hasNext() {
            return !closed && (window == 0 ? keys.hasNext() : !onTheirWay.isEmpty());
        }

        /** The next result; what the read threw is thrown here, where the walk reaches it. */
        @Override
        public V next() {
            if (window == 0) {
                return readHere.get();
            }
            Future<V> next = onTheirWay.removeFirst();
            if (keys.hasNext()) {
                onTheirWay.add(send.get());
            }
            try {
                return next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the archive", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            onTheirWay.forEach(f -> f.cancel(true));
            onTheirWay.clear();
            closed = true;
        }
    }
}
