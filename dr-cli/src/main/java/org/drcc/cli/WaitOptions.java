package org.drcc.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait}: follow a job the service runs in the background until it ends, and exit with its result. */
class WaitOptions {

    @Option(names = "--wait", description = "Follow the job until it ends (phase, size, elapsed time) and exit with its "
            + "result: 0 succeeded, 6 failed.")
    boolean wait;

    @Option(names = "--wait-timeout", defaultValue = "PT2H", paramLabel = "DURATION",
            description = "With --wait: stop following after this long, exit 6 (default: ${DEFAULT-VALUE}); the job goes on.")
    Duration timeout;

    /** Progress goes to stderr under --json, so that stdout stays one JSON document. */
    JobWatch watch(Output output) {
        return new JobWatch(output.json ? System.err : output.out, Duration.ofSeconds(1), timeout);
    }
}
