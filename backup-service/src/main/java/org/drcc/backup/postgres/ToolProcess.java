package org.drcc.backup.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running pg_dump or pg_restore. Its stderr is drained on a thread of its own (a full pipe would
 * block the tool) and the end of it kept, to say why it failed.
 */
public final class ToolProcess implements AutoCloseable {

    private static final int STDERR_KEPT = 4000;

    private final String name;
    private final Process process;
    private final StringBuilder stderr = new StringBuilder();
    private final Thread drain;

    private ToolProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.drain = new Thread(this::drainStderr, name + "-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    static ToolProcess start(String name, List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return new ToolProcess(name, builder.start());
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Waits for the tool to end; throws with its exit code and the end of its stderr when it failed. */
    public void awaitSuccess(long timeout, TimeUnit unit) throws IOException, InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            process.destroyForcibly();
            throw new PgToolException(name + " did not finish within " + timeout + " " + unit.name().toLowerCase());
        }
        drain.join(TimeUnit.SECONDS.toMillis(5));
        if (process.exitValue() != 0) {
            throw new PgToolException(name + " exited with " + process.exitValue() + ": " + stderrTail());
        }
    }

    public synchronized String stderrTail() {
        return stderr.toString().strip();
    }

    private void drainStderr() {
        try (InputStream err = process.getErrorStream()) {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = err.read(buffer)) > 0) {
                synchronized (this) {
                    stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > STDERR_KEPT) {
                        stderr.delete(0, stderr.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // the process ended: nothing more to read
        }
    }

    /** Stops the tool if it still runs, as when the upload it feeds failed. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
