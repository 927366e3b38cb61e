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
 * (incident, backup, notification, metrics), then PostgreSQL, Kafka, its controller and S3.
 */
final class SuiteLauncher {

    final List<Integer> ports = List.of(Ports.free(), Ports.free(), Ports.free(), Ports.free(),
            Ports.free(), Ports.free(), Ports.free(), Ports.free());
    /** Settings for the services, as environment variables of {@code dr up}, which its services inherit. */
    final java.util.Map<String, String> environment = new java.util.HashMap<>();

    /** Starts {@code dr up} on {@code dataDir}, its output in {@code log}; returns once it printed that it is up. */
    Process up(Path dataDir, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-cp", Java.classPath(), Dr.class.getName(),
                "up", "--home", Path.of("..").toAbsolutePath().normalize().toString(),
                "--data-dir", dataDir.toString(), "--foodtruck-mb", "1",
                "--incident-port", "" + ports.get(0), "--backup-port", "" + ports.get(1),
                "--notification-port", "" + ports.get(2), "--metrics-port", "" + ports.get(3),
                "--postgres-port", "" + ports.get(4), "--kafka-port", "" + ports.get(5),
                "--kafka-controller-port", "" + ports.get(6), "--s3-port", "" + ports.get(7)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains("Press Ctrl-C")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("dr up did not come up:\n" + Files.readString(log));
            }
            Thread.sleep(500);
        }
        return process;
    }

    String url(int service) {
        return "http://127.0.0.1:" + ports.get(service);
    }
}
