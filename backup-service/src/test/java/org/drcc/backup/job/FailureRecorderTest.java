package org.drcc.backup.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.FailBackupCommand;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailureRecorderTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-25T10:00:00Z");

    private final List<FailBackupCommand> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private FailureRecorder recorder;

    /** A command bus whose database is down for the first {@code outages} commands, then answers {@code answer}. */
    private FailureRecorder recorder(int outages, RuntimeException answer) {
        CommandGateway gateway = (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendAndWait") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (attempts.incrementAndGet() <= outages) {
                        throw new IllegalStateException("simulated: the service's database is unreachable");
                    }
                    if (answer != null) {
                        done.countDown();
                        throw answer;
                    }
                    recorded.add((FailBackupCommand) args[0]);
                    done.countDown();
                    return null;
                });
        recorder = new FailureRecorder(gateway, Clock.fixed(FAILED_AT, ZoneOffset.UTC), Duration.ofMillis(10),
                Duration.ofMillis(40));
        return recorder;
    }

    @AfterEach
    void stop() {
        recorder.stop();
    }

    @Test
    void canRecordAFailureAtOnce() {
        recorder(0, null).record("b-1", "pg_dump: connection refused");

        assertThat(recorded).containsExactly(new FailBackupCommand("b-1", "pg_dump: connection refused", FAILED_AT));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void triesAgainUntilTheDatabaseIsBackAndKeepsWhenItFailed() throws Exception {
        recorder(5, null).record("b-1", "pg_dump: connection refused");

        assertThat(done.await(10, TimeUnit.SECONDS)).as("recorded after the outage").isTrue();
        assertThat(recorded).containsExactly(new FailBackupCommand("b-1", "pg_dump: connection refused", FAILED_AT));
        assertThat(attempts).hasValue(6);
    }

    @Test
    void stopsTryingOnceTheBackupIsNoLongerRunning() throws Exception {
        recorder(2, new RuleRefusedException("backup", "only a running backup can fail")).record("b-1", "lost");

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(recorded).isEmpty();
        // a fourth attempt would be due within 40 ms on the recorder's one retry thread: a task queued there
        // 200 ms later runs after it
        CountDownLatch later = new CountDownLatch(1);
        recorderExecutorRuns(later);
        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(attempts).hasValue(3);
    }

    private void recorderExecutorRuns(CountDownLatch latch) throws Exception {
        var field = FailureRecorder.class.getDeclaredField("retries");
        field.setAccessible(true);
        ((java.util.concurrent.ScheduledExecutorService) field.get(recorder))
                .schedule(latch::countDown, 200, TimeUnit.MILLISECONDS);
    }
}
