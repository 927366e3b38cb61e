package org.drcc.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drcc.engines.Engines;

/** What the benchmarks of {@code bench/} share: a service's settings on their engines, and an exit when done. */
public final class Benchmarks {

    /** A benchmark's body. */
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body} and exits, 0 when it ended and 1 when it threw: Axon's processors leave a thread behind that
     * would keep the JVM running after the benchmark closed its service.
     */
    public static void runAndExit(Body body) {
        try {
            body.run();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * A service's command line on the engines, as {@code ./dr up} gives it: its database, the shared keyring, Kafka,
     * S3, its audit key in {@code dir}, a random port, tokens checked with {@link TestTokens}' key; then {@code extra}.
     */
    public static String[] serviceArgs(Engines engines, String database, Path dir, String... extra) {
        TestTokens.install();
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + engines.jdbcUrl(database),
                "--dr.privacy.keyring.url=" + engines.jdbcUrl(Engines.KEYRING_DATABASE),
                "--spring.kafka.bootstrap-servers=" + engines.bootstrapServers(),
                "--dr.s3.endpoint=" + engines.s3Endpoint(),
                "--dr.audit.signing-key-file=" + dir.resolve("keys").resolve(database + "-audit.key"),
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private Benchmarks() {
    }
}
