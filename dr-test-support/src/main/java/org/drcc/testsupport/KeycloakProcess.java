package org.drcc.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drcc.engines.Engines;
import org.drcc.engines.Ports;

/**
 * The identity provider of docker-compose, Keycloak, as a process on loopback with the realm that compose imports
 * ({@code deploy/keycloak/realm-dr.json}). Its distribution is the one Maven Central publishes
 * ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the module's build into {@code keycloak.dist}); Keycloak
 * 26 needs Java 21 or newer, found beside the JDK that runs the tests (.ci/run installs one where none is).
 */
public final class KeycloakProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private KeycloakProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Keycloak with {@code realm} imported and {@code environment} for the realm's placeholders. */
    public static KeycloakProcess start(Path realm, Map<String, String> environment) {
        Path dist = Path.of(System.getProperty("keycloak.dist", "target/keycloak"));
        Path home;
        try (Stream<Path> entries = Files.list(dist)) {
            home = entries.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak distribution in " + dist
                            + " (the module's build unpacks org.keycloak:keycloak-quarkus-dist there)"));
            // a fresh start: a realm already in the dev database of an earlier run would be kept, and the import
            // (with this run's client secret) skipped
            Path devDatabase = home.resolve("data/h2");
            if (Files.exists(devDatabase)) {
                Engines.deleteTree(devDatabase);
            }
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> ports = Ports.free(2);
        int port = ports.get(0);
        Path log = home.resolve("keycloak-test.log");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--http-management-port=" + ports.get(1)))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", javaHome21().toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + Long.toHexString(System.nanoTime()));
        try {
            KeycloakProcess keycloak = new KeycloakProcess(builder.start(), port);
            // its first start on a machine also builds its server (Quarkus augmentation): minutes on a loaded one
            keycloak.awaitListening(log, Duration.ofMinutes(8));
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer of the realm {@code name}, as its tokens name it. */
    public String issuer(String name) {
        return "http://127.0.0.1:" + port + "/realms/" + name;
    }

    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Path log, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("Listening on:")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped at start:\n" + tail(text));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Keycloak did not start within " + timeout + ":\n" + tail(Files.readString(log)));
    }

    /** A JDK of version 21 or newer beside the one running the tests (installed JDKs share a parent folder). */
    static Path javaHome21() {
        Path running = Path.of(System.getProperty("java.home"));
        Path parent = running.getParent();
        try (Stream<Path> jdks = Files.list(parent)) {
            Optional<Path> found = jdks.filter(p -> version(p) >= 21).max(Comparator.comparingInt(KeycloakProcess::version));
            return found.orElseThrow(() -> new IllegalStateException("Keycloak 26 needs Java 21 or newer; none found in "
                    + parent + " (.ci/run installs Temurin 21)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static String tail(String text) {
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }
}
