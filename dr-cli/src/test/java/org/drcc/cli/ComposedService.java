package org.drcc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drcc.engines.Java;

/**
 * One service of {@code docker-compose.yml} started as its image starts it, without Docker: the jar its Dockerfile
 * copies, run by its {@code ENTRYPOINT} in its {@code WORKDIR}, as a user that is not root with a home it cannot
 * write (the image's {@code drcc}, whose home {@code /app} belongs to root), and with exactly the environment compose
 * gives it (the Dockerfile's {@code ENV} under it). What a machine without Docker must change, and nothing else:
 * <ul>
 * <li>a value that names another compose service as {@code host:port} ({@code postgres:5432}, {@code kafka:9092},
 * {@code minio:9000}, {@code keycloak:8080}, {@code incident-service:8081}) names the loopback address of whatever
 * plays that service here; a name the test plays nothing for fails the test;</li>
 * <li>a path under one of the service's bind mounts ({@code /keys/...}) is the host path compose mounts there;</li>
 * <li>{@code SERVER_PORT} is added: in compose each container has its own network and listens on its own port
 * ({@code 8081:8081}), here four JVMs share loopback with other builds;</li>
 * <li>the JVM gets the heap flags {@code ./dr up} gives it (two cores, four services) and {@code user.home} set to
 * the read-only home, as the image's user's is; it runs as {@code nobody} (the tests run as root in CI).</li>
 * </ul>
 */
final class ComposedService implements AutoCloseable {

    private static final String SERVICE_USER = "nobody";
    private static final String SERVICE_GROUP = "nogroup";

    final String name;
    private final Process process;
    private final Path log;
    private final List<String> healthcheck;

    private ComposedService(String name, Process process, Path log, List<String> healthcheck) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.healthcheck = healthcheck;
    }

    /** Where compose's services are played here: each compose {@code host:port} by the loopback address playing it. */
    record Loopback(Path composeDir, List<String> composeServices, Map<String, String> addresses) {

        /** {@code value} with every {@code service:port} of a compose service replaced by its address here. */
        String address(String value) {
            Matcher m = Pattern.compile("(?<![\\w.-])(" + String.join("|", composeServices.stream().map(Pattern::quote)
                    .toList()) + "):(\\d+)").matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String played = addresses.get(m.group());
                if (played == null) {
                    throw new AssertionError("docker-compose.yml names " + m.group() + ", which this test plays nothing for");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(played));
            }
            return m.appendTail(out).toString();
        }

        /** {@code value} with a container path under one of {@code mounts} replaced by the host path mounted there. */
        String path(String value, Map<String, String> mounts) {
            for (Map.Entry<String, String> mount : mounts.entrySet()) {
                if (value.equals(mount.getKey()) || value.startsWith(mount.getKey() + "/")) {
                    return composeDir.resolve(mount.getValue()).normalize() + value.substring(mount.getKey().length());
                }
            }
            return value;
        }

        int port(String service, ComposeFile compose) {
            String address = addresses.get(service + ":" + compose.containerPort(service));
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        }
    }

    /** The service's environment as compose gives it, read here ({@link Loopback}). */
    static Map<String, String> environment(String name, ComposeFile compose, Loopback loopback) {
        Map<String, String> mounts = compose.bindMounts(name);
        Map<String, String> env = new HashMap<>();
        compose.environment(name).forEach((k, v) -> env.put(k, loopback.address(loopback.path(v, mounts))));
        return env;
    }

    /** Starts the service; its output goes to {@code logDir/<name>.log}. */
    static ComposedService start(String name, ComposeFile compose, Loopback loopback, Path home, Path logDir)
            throws IOException {
        Image image = Image.of(loopback.composeDir().resolve(compose.build(name)));
        int port = loopback.port(name, compose);
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_GROUP, "--clear-groups", "--"));
        }
        command.addAll(image.command(home));
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        String path = System.getenv("PATH");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.putAll(image.env(path));
        env.putAll(environment(name, compose, loopback));
        env.put("SERVER_PORT", Integer.toString(port));
        String own = "localhost:" + compose.containerPort(name);
        List<String> check = compose.healthcheck(name).stream()
                .map(a -> a.replace(own, "127.0.0.1:" + port)).toList();
        return new ComposedService(name, builder.start(), log, check);
    }

    /** Runs compose's healthcheck until it passes; fails with the log's end if the service stops or time runs out. */
    void awaitHealthy(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Process check = new ProcessBuilder(healthcheck).redirectErrorStream(true).start();
            check.getInputStream().readAllBytes();
            if (check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(name + (process.isAlive() ? " not healthy within " + within : " stopped")
                        + " (" + String.join(" ", healthcheck) + "); its log ends:\n" + tail());
            }
            Thread.sleep(1000);
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private String tail() throws IOException {
        String text = log();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** What the service's Dockerfile runs: its ENTRYPOINT, with the jar it COPYs, its ENV; its USER is not root. */
    record Image(Path context, List<String> entrypoint, Map<String, String> copies, Map<String, String> env) {

        static Image of(Path context) throws IOException {
            List<String> entrypoint = List.of();
            Map<String, String> copies = new HashMap<>();
            Map<String, String> env = new HashMap<>();
            String user = null;
            for (String line : Files.readAllLines(context.resolve("Dockerfile"))) {
                String[] words = line.strip().split("\\s+", 2);
                switch (words[0].toUpperCase()) {
                    case "ENTRYPOINT" -> entrypoint = List.of(new ObjectMapper().readValue(words[1], String[].class));
                    case "COPY" -> {
                        String[] paths = words[1].split("\\s+");
                        copies.put(paths[1], paths[0]);
                    }
                    case "ENV" -> {
                        String[] pair = words[1].split("=", 2);
                        env.put(pair[0], pair[1].replaceAll("^\"|\"$", ""));
                    }
                    case "USER" -> user = words[1];
                    default -> { }
                }
            }
            if (user == null || user.equals("root") || user.equals("0")) {
                throw new AssertionError(context + "/Dockerfile must run its service as a USER that is not root");
            }
            if (entrypoint.isEmpty() || !entrypoint.get(0).equals("java")) {
                throw new AssertionError(context + "/Dockerfile: its ENTRYPOINT must run java: " + entrypoint);
            }
            return new Image(context, entrypoint, copies, env);
        }

        List<String> command(Path home) {
            List<String> args = new ArrayList<>();
            for (String arg : entrypoint.subList(1, entrypoint.size())) {
                String copied = copies.get(arg);
                if (arg.endsWith(".jar") && copied == null) {
                    throw new AssertionError(context + "/Dockerfile runs " + arg + ", which it does not COPY");
                }
                args.add(copied == null ? arg : context.resolve(copied).toAbsolutePath().normalize().toString());
            }
            return Java.command("384m", List.of("-Duser.home=" + home), args);
        }

        /** The image's ENV, with {@code ${PATH}} the host's PATH. */
        Map<String, String> env(String path) {
            Map<String, String> resolved = new HashMap<>();
            env.forEach((k, v) -> resolved.put(k, v.replace("${PATH}", path)));
            return resolved;
        }
    }
}
