package org.drcc.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Follows a job the service runs in the background (a backup, a verification, a restore) by reading its
 * resource until it ends: a line whenever its phase or size changes, and at least every 10 s, each with the time
 * elapsed; exit 0 when it succeeded, {@link CliException#JOB_FAILED} when it failed (its reason printed).
 */
final class JobWatch {

    /** What one read of the job's resource says. {@code bytes} is null while the service does not know it yet. */
    record State(String phase, Long bytes, boolean done, boolean succeeded, String detail) {
    }

    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final Duration interval;
    private final Duration timeout;

    JobWatch(PrintStream out, Duration interval, Duration timeout) {
        this.out = out;
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Reads {@code probe} until the job is done; {@code what} names it in the lines ("backup 5b0c…"). */
    int follow(String what, Supplier<State> probe, String followUp) {
        long start = System.nanoTime();
        long lastLine = 0;
        State shown = null;
        while (true) {
            State state = probe.get();
            long now = System.nanoTime();
            Duration elapsed = Duration.ofNanos(now - start);
            if (shown == null || !Objects.equals(state.phase(), shown.phase())
                    || !Objects.equals(state.bytes(), shown.bytes()) || now - lastLine >= HEARTBEAT.toNanos() || state.done()) {
                out.printf("[%s] %-10s %s%s%n", clock(elapsed), state.phase(), what,
                        state.bytes() == null ? "" : ", " + size(state.bytes()));
                shown = state;
                lastLine = now;
            }
            if (state.done()) {
                if (state.succeeded()) {
                    return 0;
                }
                throw new CliException(CliException.JOB_FAILED, what + " " + state.phase()
                        + (state.detail() == null ? "" : ": " + state.detail()));
            }
            if (elapsed.compareTo(timeout) > 0) {
                throw new CliException(CliException.JOB_FAILED, what + " still " + state.phase() + " after " + timeout
                        + "; it goes on in the service: " + followUp);
            }
            sleep();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.UNREACHABLE, "interrupted");
        }
    }

    static String clock(Duration elapsed) {
        return String.format("%02d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
