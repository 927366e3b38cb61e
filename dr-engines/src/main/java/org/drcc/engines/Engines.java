package org.drcc.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three real engines the suite runs on: PostgreSQL, Kafka and S3. One instance serves a whole
 * {@code ./dr up} or a whole test JVM; closing it stops PostgreSQL first (its archiver still
 * pushes WAL to S3 as it stops), then Kafka, then S3.
 */
public final class Engines implements AutoCloseable {

    /** The services' own databases. */
    public static final List<String> SERVICE_DATABASES = List.of("incident", "backup", "notification", "metrics");
    /** The keys of the people named in events, which all services share (forgetting a person destroys theirs). */
    public static final String KEYRING_DATABASE = "keyring";

    private static final Logger log = LoggerFactory.getLogger(Engines.class);

    private final EngineSettings settings;
    private PostgresEngine postgres;
    private KafkaEngine kafka;
    private S3Engine s3;
    private final int s3HttpsPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Engines(EngineSettings settings) {
        this.settings = settings;
        this.s3HttpsPort = freePortBesides(settings);
    }

    /** A free port that none of the engines is given (they may not listen yet). */
    private static int freePortBesides(EngineSettings settings) {
        List<Integer> taken = List.of(settings.postgresPort(), settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.s3Port());
        int port;
        do {
            port = Ports.free();
        } while (taken.contains(port));
        return port;
    }

    public static Engines start(EngineSettings settings) {
        Engines engines = new Engines(settings);
        try {
            engines.startAll();
            return engines;
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
    }

    /**
     * {@link #start}, and stopped when this JVM exits however it exits short of a {@code kill -9}: a benchmark's Ctrl-C,
     * or a build's timeout that ends a test JVM, left PostgreSQL, Kafka and S3 running with nobody to stop them. For a
     * JVM that owns the engines alone: {@code ./dr up} stops its services first, then the engines, in a hook of its own.
     */
    public static Engines startForThisJvm(EngineSettings settings) {
        Engines engines = start(settings);
        Thread stop = new Thread(engines::close, "engines-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        return engines;
    }

    private void startAll() {
        prepareDataDir();
        checkPorts();
        kafka = KafkaEngine.launch(settings);
        s3 = S3Engine.launch(settings, Buckets.ALL, s3HttpsPort);
        postgres = PostgresEngine.start(settings);
        SERVICE_DATABASES.forEach(postgres::createDatabase);
        postgres.createDatabase(KEYRING_DATABASE);
        if (postgres.createDatabase(FoodTruckDatabase.NAME)) {
            log.info("Generating the foodtruck database (~{} MB)", settings.foodtruckMegabytes());
            FoodTruckDatabase.populate(postgres.dataSource(FoodTruckDatabase.NAME), settings.foodtruckMegabytes());
        }
        kafka.awaitReady();
        s3.awaitReady();
    }

    private void prepareDataDir() {
        try {
            if (settings.fresh() && Files.exists(settings.dataDir())) {
                stopOrphans();
                deleteTree(settings.dataDir());
            }
            Files.createDirectories(settings.dataDir());
            stopOrphans();
            WalArchive.forgetEarlierStartsConfiguration(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + settings.dataDir(), e);
        }
    }

    private void stopOrphans() throws IOException {
        ChildProcess.stopOrphan(settings.runDir().resolve(KafkaEngine.NAME + ".pid"));
        ChildProcess.stopOrphan(settings.runDir().resolve(S3Engine.NAME + ".pid"));
        PostgresEngine.stopOrphanedPostmaster(settings.dataDir().resolve("postgres"));
    }

    private void checkPorts() {
        check("PostgreSQL", settings.postgresPort());
        check("Kafka", settings.kafkaPort());
        check("Kafka controller", settings.kafkaControllerPort());
        check("S3", settings.s3Port());
    }

    private static void check(String engine, int port) {
        if (Ports.inUse(port)) {
            throw new PortTakenException(engine, port);
        }
    }

    public EngineSettings settings() {
        return settings;
    }

    public PostgresEngine postgres() {
        return postgres;
    }

    public KafkaEngine kafka() {
        return kafka;
    }

    /** Brings the broker back on its log directory after {@code kafka().kill()}; waits until it answers. */
    public void restartKafka() {
        kafka.close();
        kafka = KafkaEngine.launch(settings);
        kafka.awaitReady();
    }

    /** Stops PostgreSQL as an operator would ({@code pg_ctl stop}); {@link #startPostgres()} brings it back. */
    public void stopPostgres() {
        postgres.close();
    }

    /** Starts PostgreSQL again on the same cluster directory and loopback port; waits until it accepts connections. */
    public void startPostgres() {
        postgres = PostgresEngine.start(settings);
    }

    /** Stops the S3 server; {@link #startS3()} brings it back on its objects and port. */
    public void stopS3() {
        s3.close();
    }

    /** Starts the S3 server again on the same object folder and loopback port; waits until it answers. */
    public void startS3() {
        s3 = S3Engine.launch(settings, Buckets.ALL, s3HttpsPort);
        s3.awaitReady();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    /** The same S3 server over HTTPS (self-signed), as pgBackRest needs it: {@code 127.0.0.1:<port>}. */
    public String s3HttpsHostAndPort() {
        return s3.httpsHostAndPort();
    }

    /** pgBackRest's configuration directory, which the server's archive command names (see {@link WalArchive}). */
    public Path walArchiveConfigDir() {
        return WalArchive.configDir(settings.dataDir());
    }

    /** Stops the engines; again, it does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // PostgreSQL before S3: its archiver pushes the last WAL segments to the S3 repositories as it stops
        closeQuietly(postgres);
        closeQuietly(kafka);
        closeQuietly(s3);
    }

    private static void closeQuietly(AutoCloseable engine) {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", engine.getClass().getSimpleName(), e.getMessage());
        }
    }

    /**
     * Deletes a directory tree. A process still stopping (a postmaster that outlived pg_ctl's timeout on
     * a loaded machine) may remove or add files during the walk: the walk is then tried again.
     */
    public static void deleteTree(Path root) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!Files.exists(root)) {
                    return;
                }
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                return;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
