package org.drcc.testsupport;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.stream.Stream;
import org.drcc.engines.Engines;

/**
 * CPU time used so far by this JVM and by two of its engines (PostgreSQL's postmaster and backends, Kafka's broker),
 * for a benchmark's CPU per unit of work: on a shared machine that is far less sensitive to a neighbour's load than
 * the latencies or the rate. A process that ended in between (a backend whose connection closed) is not counted;
 * the services keep their connections pooled.
 */
public record CpuTimes(Duration jvm, Duration postgres, Duration kafka) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static CpuTimes now(Engines engines) {
        ProcessHandle postmaster = engines.postgres().process()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running: its CPU cannot be counted"));
        return new CpuTimes(Duration.ofNanos(OS.getProcessCpuTime()), ofTree(postmaster),
                ofTree(engines.kafka().process()));
    }

    /** What each used since {@code before}. */
    public CpuTimes since(CpuTimes before) {
        return new CpuTimes(jvm.minus(before.jvm), postgres.minus(before.postgres), kafka.minus(before.kafka));
    }

    /** Milliseconds of each per unit, e.g. {@code "this JVM 2.10 ms, PostgreSQL 0.85 ms, Kafka 0.20 ms"}. */
    public String perUnit(long units) {
        return String.format("this JVM %.2f ms, PostgreSQL %.2f ms, Kafka %.2f ms", ms(jvm) / units,
                ms(postgres) / units, ms(kafka) / units);
    }

    private static Duration ofTree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static double ms(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
