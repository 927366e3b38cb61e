package org.drcc.backup.pitr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs pgBackRest on this host with the configuration {@link PgBackRestConfig} wrote, for the stanza. Its
 * console says only warnings and errors; what it did is read from {@code info --output=json}.
 */
public final class PgBackRest {

    private final String executable;
    private final PgBackRestConfig config;
    private final String stanza;
    private final Map<String, String> environment;

    public PgBackRest(PgBackRestConfig config, String stanza, Map<String, String> environment) {
        this("pgbackrest", config, stanza, environment);
    }

    /** {@code executable}: the tool's path; a test's stand-in for a tool that hangs. */
    PgBackRest(String executable, PgBackRestConfig config, String stanza, Map<String, String> environment) {
        this.executable = executable;
        this.config = config;
        this.stanza = stanza;
        this.environment = environment;
    }

    /**
     * {@code pgbackrest <options> <command>}: its stdout; throws with its error when it exits non-zero, and stops it
     * when it has not finished within {@code timeout} (an S3 endpoint that does not answer holds it for minutes).
     */
    public String run(Duration timeout, String command, String... options) {
        List<String> line = new ArrayList<>(List.of(executable, "--config=" + config.configFile().toAbsolutePath(),
                "--config-include-path=" + config.includeDir().toAbsolutePath(), "--stanza=" + stanza,
                "--log-level-console=off", "--log-level-stderr=warn"));
        line.addAll(List.of(options));
        line.add(command);
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // both streams read beside the wait, so that the timeout holds while the tool writes nothing
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new PgBackRestException("pgbackrest " + command + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new PgBackRestException("pgbackrest " + command + " exited with " + process.exitValue() + ": "
                        + errors(stderr.join()));
            }
            return stdout.join();
        } catch (IOException e) {
            throw new PgBackRestException("pgbackrest " + command + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgBackRestException("pgbackrest " + command + " interrupted");
        }
    }

    /** The ERROR lines, else the last lines: the tool's own words, without its long option echo. */
    private static String errors(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String errors = lines.stream().filter(l -> l.contains("ERROR")).collect(Collectors.joining(" "));
        String said = errors.isEmpty() ? String.join(" ", lines.subList(Math.max(0, lines.size() - 3), lines.size())) : errors;
        return said.length() > 1000 ? said.substring(0, 1000) : said;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
