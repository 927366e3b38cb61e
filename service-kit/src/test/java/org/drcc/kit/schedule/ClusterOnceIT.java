package org.drcc.kit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two instances of a service, each with its own lock provider on the shared database, fire the same job. */
@WithEngines(database = "backup")
class ClusterOnceIT {

    private DataSource db;

    @BeforeEach
    void database(Engines engines) {
        db = engines.postgres().newDatabase("lock");
        Flyway.configure().dataSource(db).locations("classpath:db/kit").load().migrate();
    }

    @Test
    void ofTwoInstancesFiringTheSameJobAtOnceOnlyOneRunsIt() throws Exception {
        ClusterOnce first = instance();
        ClusterOnce second = instance();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable job = () -> {
            runs.incrementAndGet();
            running.countDown();
            await(release);
        };

        CompletableFuture<Void> one = CompletableFuture.runAsync(
                first.once("nightly-backup", Duration.ofMinutes(5), Duration.ZERO, job));
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the first instance runs the job").isTrue();
        second.once("nightly-backup", Duration.ofMinutes(5), Duration.ZERO, job).run();
        release.countDown();
        one.get(10, TimeUnit.SECONDS);

        assertThat(runs).as("the second instance skipped it while the first held the lock").hasValue(1);
        second.once("nightly-backup", Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet).run();
        assertThat(runs).as("once released, the next firing runs").hasValue(2);
    }

    @Test
    void aQuickRunKeepsTheLockForItsMinimumSoALateFiringElsewhereDoesNotRepeatIt() {
        AtomicInteger runs = new AtomicInteger();
        instance().once("retention", Duration.ofMinutes(5), Duration.ofSeconds(30), runs::incrementAndGet).run();
        instance().once("retention", Duration.ofMinutes(5), Duration.ofSeconds(30), runs::incrementAndGet).run();
        instance().once("rpo-watch", Duration.ofMinutes(5), Duration.ofSeconds(30), runs::incrementAndGet).run();

        assertThat(runs).as("retention once, and another job is not held by its lock").hasValue(2);
    }

    @Test
    void aRequestAloneIsRefusedAtOnceWhileAnotherInstanceHoldsItsLockAndTakenOnceLetGo() {
        ClusterOnce first = instance();
        ClusterOnce second = instance();
        AtomicInteger runs = new AtomicInteger();
        boolean[] secondWhileHeld = new boolean[1];

        boolean firstRan = first.alone("restore x", Duration.ofMinutes(1), () -> {
            runs.incrementAndGet();
            secondWhileHeld[0] = second.alone("restore x", Duration.ofMinutes(1), runs::incrementAndGet);
        });

        assertThat(firstRan).isTrue();
        assertThat(secondWhileHeld[0]).as("refused while the first held the lock").isFalse();
        assertThat(runs).as("the refused one did not run").hasValue(1);
        assertThat(second.alone("restore x", Duration.ofMinutes(1), runs::incrementAndGet))
                .as("let go when the first ended").isTrue();
        assertThat(runs).hasValue(2);
    }

    private ClusterOnce instance() {
        return new ClusterOnce(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(db)).usingDbTime().build()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
