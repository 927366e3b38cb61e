package org.drcc.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A process started by the suite, with its output in a log file and its pid in {@code run/NAME.pid}.
 * A pid file left by a run that was killed names an orphan, which is stopped before the next start.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    public static ChildProcess start(String name, List<String> command, Path logDir, Path runDir) {
        Path log = logDir.resolve(name + ".log");
        Path pidFile = runDir.resolve(name + ".pid");
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(runDir);
            stopOrphan(pidFile);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ChildProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new EngineStartException(name, e, log);
        }
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Stops the process a killed run left behind, if it is still alive. */
    public static void stopOrphan(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile).trim();
        Files.delete(pidFile);
        Optional<ProcessHandle> orphan = text.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(text));
        orphan.filter(ProcessHandle::isAlive).ifPresent(ChildProcess::terminate);
    }

    static void terminate(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    /** Waits until {@code ready} holds; fails with the log's path if the process dies or time runs out. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new EngineStartException(name, "exited with code " + process.exitValue(), log);
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new EngineStartException(name, "not ready after " + timeout.toSeconds() + " s", log);
            }
            sleep(200);
        }
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has exited, for whatever reason. */
    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public long pid() {
        return process.pid();
    }

    /** A hard kill, as a crash would do: used by tests of recovery. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            terminate(process.toHandle());
        }
        waitFor();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an engine", e);
        }
    }
}
