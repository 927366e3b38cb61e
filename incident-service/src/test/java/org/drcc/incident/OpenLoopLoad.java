package org.drcc.incident;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: sends requests at a fixed offered rate, whether or not earlier ones have been
 * answered, and measures each latency from the instant the request was <em>meant</em> to be sent, so that a stall of
 * the server (or of this sender) shows in the latencies instead of silently lowering the rate (no coordinated
 * omission). Hand-written on purpose: {@code hey}, {@code ab} and Debian's {@code wrk} are closed-loop (a fixed number
 * of callers each waiting for its answer), wrk2 and vegeta are not packaged, and Gatling would bring its Scala runtime
 * and Maven plugin into the build for one benchmark; the JDK's asynchronous HTTP client sends, and HdrHistogram (the
 * library wrk2 records with) keeps the latencies.
 */
final class OpenLoopLoad {

    /** Latencies in microseconds, up to a minute, three significant digits. */
    record Result(Histogram micros, int errors, String firstError, double seconds, long cpuNanos) {

        /** CPU time of this whole JVM per answer, in ms: less sensitive than the latencies to a neighbour's load. */
        double cpuPerAnswer() {
            return cpuNanos / 1e6 / Math.max(1, micros.getTotalCount());
        }

        double p(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }

        double max() {
            return micros.getMaxValue() / 1000.0;
        }

        /** Answers per second over the whole run, including the wait for the last answers. */
        double achieved() {
            return micros.getTotalCount() / seconds;
        }
    }

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * Keeps the body of an error only. This load runs in the service's JVM: kept as strings, the declarations'
     * answers (18 KB each, 200 a second) were among the objects JFR found outliving the young generation, so the
     * service's collector paid for the benchmark's memory.
     */
    private static final HttpResponse.BodyHandler<String> KEEP_ERRORS_ONLY = answer -> answer.statusCode() >= 300
            ? HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8)
            : HttpResponse.BodySubscribers.replacing(null);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends {@code rate × seconds} requests (the i-th made by {@code request}) at {@code rate} per second. */
    Result run(IntFunction<HttpRequest> request, int rate, int seconds) throws InterruptedException {
        int count = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentHistogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        AtomicInteger errors = new AtomicInteger();
        StringBuffer firstError = new StringBuffer();
        CountDownLatch answered = new CountDownLatch(count);
        long cpuBefore = CPU.getProcessCpuTime();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            client.sendAsync(request.apply(i), KEEP_ERRORS_ONLY).whenComplete((response, failure) -> {
                micros.recordValue(Math.min(micros.getHighestTrackableValue(),
                        TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - intended)));
                if (failure != null || response.statusCode() >= 300) {
                    if (errors.getAndIncrement() == 0) {
                        firstError.append(failure != null ? failure.toString()
                                : response.statusCode() + " " + response.body());
                    }
                }
                answered.countDown();
            });
        }
        answered.await(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(micros.copy(), errors.get() + (int) answered.getCount(), firstError.toString(), elapsed,
                CPU.getProcessCpuTime() - cpuBefore);
    }

    HttpClient client() {
        return client;
    }
}
