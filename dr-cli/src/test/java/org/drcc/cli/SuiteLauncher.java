package org.drcc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drcc.engines.Java;
import org.drcc.engines.Ports;

/**
 * {@code dr up} as its own process, on free ports, as the suite-level ITs start it: the services' ports first
 * (incident, backup, notification, metrics), then PostgreSQL, Kafka, its controller and S3, then the operator console,
 * then the demo application (none unless {@link #appInstances} says so: only OperatorIT drills it). A second instance
 * of each service (and of the demo application) listens {@link #portStep} above the first (free too). The services may
 * send webhooks to this machine.
 */
final class SuiteLauncher {

    /**
     * foodtruck's backup schedule in the suite ITs: once a year (1 January, midnight), not hourly at minute 0, which
     * a test running across the hour would meet (a second backup counted, a back-up-now refused as already running).
     */
    static final String FOODTRUCK_SCHEDULE = "0 0 0 1 1 *";

    final List<Integer> ports = Ports.free(10);
    final int portStep = freeStep();
    /** Instances of the demo application {@code dr up} starts (its --app-instances). */
    int appInstances;
    /** Settings for the services, as environment variables of {@code dr up}, which its services inherit. */
    final java.util.Map<String, String> environment = new java.util.HashMap<>(
            java.util.Map.of("DR_BACKUP_DATABASES_FOODTRUCK_SCHEDULE", FOODTRUCK_SCHEDULE));
    /** Minutes more to wait for dr up than the tests do (a benchmark on a loaded machine). */
    int extraStartMinutes;

    /** Starts {@code dr up} on {@code dataDir}, its output in {@code log}; returns once it printed that it is up. */
    Process up(Path dataDir, Path log) throws Exception {
        return up(dataDir, log, 1);
    }

    /** As {@link #up(Path, Path)}, with {@code instances} instances of each service. */
    Process up(Path dataDir, Path log, int instances) throws Exception {
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-cp", Java.classPath(), Dr.class.getName(),
                "up", "--home", Path.of("..").toAbsolutePath().normalize().toString(),
                "--instances", "" + instances, "--instance-port-step", "" + portStep,
                "--data-dir", dataDir.toString(), "--foodtruck-mb", "1",
                "--incident-port", "" + ports.get(0), "--backup-port", "" + ports.get(1),
                "--notification-port", "" + ports.get(2), "--metrics-port", "" + ports.get(3),
                "--postgres-port", "" + ports.get(4), "--kafka-port", "" + ports.get(5),
                "--kafka-controller-port", "" + ports.get(6), "--s3-port", "" + ports.get(7),
                "--console-port", "" + ports.get(8),
                "--app-port", "" + ports.get(9), "--app-instances", "" + appInstances));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("DR_NOTIFICATION_ALLOWED_HOSTS", "127.0.0.1");
        // the suite as dr up starts it by default, whatever the shell that runs the tests has set
        builder.environment().remove(StartupArchives.SWITCH_VARIABLE);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        // on a 2-core machine the services' start is CPU-bound: more instances (and demo applications), longer. The
        // first start after a build, beside another suite's, took 299 s and then more than 300 s on a slow hour of the
        // build machine (its services ready a few seconds after the old bound of 5 minutes): 10, as a bound only
        long deadline = System.nanoTime() + Duration.ofMinutes(10L + 3L * (instances - 1) + appInstances
                + extraStartMinutes).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains("Press Ctrl-C")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                // dr up stops what it started on SIGTERM: nothing is left running on the machine
                process.destroy();
                process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                // dr up's own output last, where a build log cut to its end still shows which service did not start and why
                throw new AssertionError("dr up did not come up." + serviceLogTails(dataDir) + "\n--- dr up's output\n"
                        + Files.readString(log));
            }
            Thread.sleep(500);
        }
        System.out.printf("dr up came up in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        return process;
    }

    /** The last lines of each service's log, to tell a slow start from a failed one. */
    private static String serviceLogTails(Path dataDir) throws java.io.IOException {
        StringBuilder tails = new StringBuilder();
        Path logs = dataDir.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path file : files.sorted().toList()) {
                    List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                    tails.append("\n--- ").append(file.getFileName()).append(" (last lines)\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
                }
            }
        }
        return tails.toString();
    }

    String url(int service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Instance {@code instance} (1 or 2) of service {@code service} (0 incident, 1 backup, 2 notification, 3 metrics). */
    String url(int service, int instance) {
        return "http://127.0.0.1:" + (ports.get(service) + (instance - 1) * portStep);
    }

    /** A step above the services' (and the demo application's) ports at which all five are free as well. */
    private int freeStep() {
        for (int step = 10; ; step++) {
            int s = step;
            if (List.of(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(9)).stream()
                    .noneMatch(p -> ports.contains(p + s) || Ports.inUse(p + s))) {
                return step;
            }
        }
    }
}
