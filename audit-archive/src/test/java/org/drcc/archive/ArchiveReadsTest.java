package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArchiveReadsTest {

    @Test
    void resultsComeInTheWalksOrderWithAtMostTheWindowAheadOfIt() {
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> keys = IntStream.range(0, 40).boxed().toList();
        // the keys as the read-ahead takes them, counted: how far it runs ahead of the walk
        Iterable<Integer> counted = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<Integer> inner = keys.iterator();

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public Integer next() {
                taken.incrementAndGet();
                return inner.next();
            }
        };
        List<Integer> seen = new ArrayList<>();
        try (ArchiveReads reads = new ArchiveReads(4);
             ArchiveReads.Ahead<Integer> ahead = reads.ahead(counted, key -> {
                 most.accumulateAndGet(running.incrementAndGet(), Math::max);
                 try {
                     // later keys answer sooner: only the walk's order puts them back in line
                     Thread.sleep(40 - key % 4 * 10);
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 running.decrementAndGet();
                 return key * 10;
             })) {
            while (ahead.hasNext()) {
                assertThat(taken.get() - seen.size()).as("keys taken ahead of the walk").isLessThanOrEqualTo(4);
                assertThat(taken.get()).as("keys taken ahead of the walk").isGreaterThan(seen.size());
                seen.add(ahead.next());
            }
        }
        assertThat(seen).isEqualTo(keys.stream().map(k -> k * 10).toList());
        assertThat(most.get()).as("reads at once: the one the walk waits for, and the window beyond it").isBetween(2, 5);
    }

    @Test
    void aWindowOfNoneReadsEachKeyOnTheWalksThreadWhenItGetsThere() {
        Thread walker = Thread.currentThread();
        List<String> readOn = new ArrayList<>();
        try (ArchiveReads reads = new ArchiveReads(0);
             ArchiveReads.Ahead<String> ahead = reads.ahead(List.of("a", "b"), key -> {
                 readOn.add(Thread.currentThread() == walker ? key + " on the walk's thread" : key + " elsewhere");
                 return key;
             })) {
            assertThat(readOn).as("nothing read before the walk asks").isEmpty();
            assertThat(ahead.next()).isEqualTo("a");
            assertThat(readOn).containsExactly("a on the walk's thread");
            assertThat(ahead.next()).isEqualTo("b");
            assertThat(ahead.hasNext()).isFalse();
        }
    }

    @Test
    void aFailedReadIsThrownWhereTheWalkReachesItAndAReadStillOnItsWayIsDroppedOnClose() throws Exception {
        CountDownLatch slowReadStarted = new CountDownLatch(1);
        CountDownLatch slowReadDropped = new CountDownLatch(1);
        try (ArchiveReads reads = new ArchiveReads(3)) {
            ArchiveReads.Ahead<String> ahead = reads.ahead(List.of("a", "broken", "slow", "d", "e"), key -> {
                if (key.equals("broken")) {
                    throw new IllegalStateException("unreadable " + key);
                }
                if (key.equals("slow")) {
                    slowReadStarted.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException dropped) {
                        slowReadDropped.countDown();
                    }
                }
                return key;
            });
            assertThat(ahead.next()).isEqualTo("a");
            assertThatThrownBy(ahead::next).isInstanceOf(IllegalStateException.class).hasMessage("unreadable broken");
            assertThat(slowReadStarted.await(10, TimeUnit.SECONDS)).isTrue();
            ahead.close();
            assertThat(slowReadDropped.await(10, TimeUnit.SECONDS)).as("the read on its way is interrupted").isTrue();
            assertThat(ahead.hasNext()).as("nothing left once closed").isFalse();
        }
    }

    @Test
    void aNegativeWindowIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ArchiveReads(-1)).hasMessageContaining("dr.archive.read-ahead");
    }
}
