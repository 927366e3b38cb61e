package org.drcc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The start benchmark (bench/start-benchmark [ROUNDS]): the whole suite as {@code dr up} starts it (engines, four
 * services, console, demo application; on free ports, a fresh data folder each time), timed from the command to
 * "Press Ctrl-C", on its startup archives and, as the peer in the same run, without them
 * ({@code DR_STARTUP_ARCHIVES=off}), taking turns for ROUNDS rounds. A first start takes the archives (the one start
 * after a build that does) and is printed on its own. Prints each time and the ratio; nothing is asserted.
 */
public final class StartBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf("The first start after the build, taking the archives: %.1f s%n", start(true));
        List<double[]> times = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double without = start(false);
            double with = start(true);
            times.add(new double[] {without, with});
            System.out.printf("round %d: without archives %.1f s, with %.1f s, ratio %.2f%n", round, without, with,
                    with / without);
        }
        double without = times.stream().mapToDouble(t -> t[0]).sorted().toArray()[times.size() / 2];
        double with = times.stream().mapToDouble(t -> t[1]).sorted().toArray()[times.size() / 2];
        System.out.printf("median: without %.1f s, with %.1f s, ratio %.2f%n", without, with, with / without);
    }

    /** Seconds from {@code dr up} to ready, on a fresh data folder; then stopped. */
    private static double start(boolean archives) throws Exception {
        Path dir = Files.createTempDirectory("dr-bench-start-");
        SuiteLauncher suite = new SuiteLauncher();
        suite.appInstances = 2;
        suite.extraStartMinutes = 10;
        if (!archives) {
            suite.environment.put(StartupArchives.SWITCH_VARIABLE, "off");
        }
        long begun = System.nanoTime();
        Process up = suite.up(dir, dir.resolve("dr-up.log"));
        double seconds = (System.nanoTime() - begun) / 1e9;
        up.destroy();
        if (!up.waitFor(90, TimeUnit.SECONDS)) {
            up.destroyForcibly();
        }
        return seconds;
    }
}
