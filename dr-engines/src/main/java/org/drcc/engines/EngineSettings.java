package org.drcc.engines;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the engines keep their data and which loopback ports they listen on.
 *
 * @param dataDir            one folder for all engine data (PostgreSQL cluster, Kafka log, S3 objects, logs)
 * @param fresh              wipe {@code dataDir} before starting
 * @param foodtruckMegabytes approximate size of the generated {@code foodtruck} database
 */
public record EngineSettings(
        Path dataDir,
        boolean fresh,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int s3Port,
        int foodtruckMegabytes) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final int DEFAULT_S3_PORT = 19000;

    /** The ports of {@code ./dr up}: fixed, so that a restart finds the same engines. */
    public static EngineSettings local(Path dataDir, boolean fresh, int foodtruckMegabytes) {
        return new EngineSettings(dataDir, fresh, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT,
                DEFAULT_KAFKA_CONTROLLER_PORT, DEFAULT_S3_PORT, foodtruckMegabytes);
    }

    /** Free ports and a clean folder: for a test JVM that must not meet a running suite. */
    public static EngineSettings forTests(Path dataDir) {
        List<Integer> ports = Ports.free(4);
        return new EngineSettings(dataDir, true, ports.get(0), ports.get(1), ports.get(2), ports.get(3), 2);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }
}
