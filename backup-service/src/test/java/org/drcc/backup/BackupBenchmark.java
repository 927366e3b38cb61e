package org.drcc.backup;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.drcc.backup.encryption.DumpEnvelopes;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.FoodTruckDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestTemplate;

/**
 * The backup benchmark (bench/backup-benchmark [MB] [ROUNDS]): backs up a generated foodtruck database
 * of the given size with the backup-service (pg_dump -Fc streamed to S3 with a manifest and SHA-256)
 * and, in the same run and in turns, with plain {@code pg_dump -Fc} to a local file; prints both times
 * and their ratio each round (target ≤ 1.2), and the service's peak heap (it should not grow with
 * the database: the dump is streamed). The database is vacuumed before, and one warm-up round of each
 * is not counted. Two services take their turn: one without encryption and one encrypting every dump (as in
 * production: a key made for the run), so the encryption's cost shows in one run; each round also times the
 * encryption alone, of the plain dump's bytes.
 */
public final class BackupBenchmark {

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("dr-bench-");
        try (Engines engines = engines(dir, megabytes)) {
            String url = engines.jdbcUrl(FoodTruckDatabase.NAME);
            long size = databaseSize(engines);
            try (ConfigurableApplicationContext service = start(engines, url);
                 ConfigurableApplicationContext unencrypted = start(engines, url,
                         "--dr.backup.encryption.active-key-id=")) {
                DumpEnvelopes envelopes = service.getBean(DumpEnvelopes.class);
                RestTemplate http = client(service);
                RestTemplate plainHttp = client(unencrypted);
                System.out.printf("%nfoodtruck: %d MB on disk; plain pg_dump, the service without and with encryption "
                        + "take turns, %d rounds%n", size / (1024 * 1024), rounds);
                // a warm-up of each, not counted: the JIT of the service (and of the S3 server) has run
                // before an hourly backup does, as it has in a service that runs for days
                plainDump(engines.postgres().port(), dir.resolve("plain.dump"));
                Files.delete(dir.resolve("plain.dump"));
                backUp(plainHttp);
                backUp(http);
                System.out.println("(one warm-up round of each, not counted)");
                resetPeakHeap();
                for (int round = 1; round <= rounds; round++) {
                    // the turns alternate, so that a neighbour's load on a shared machine hits all alike
                    long plain = plainDump(engines.postgres().port(), dir.resolve("plain.dump"));
                    long plainBytes = Files.size(dir.resolve("plain.dump"));
                    long encrypting = encryptAlone(envelopes, dir.resolve("plain.dump"));
                    Files.delete(dir.resolve("plain.dump"));
                    long clearMs = ((Number) backUp(plainHttp).get("durationMs")).longValue();
                    Map<?, ?> backup = backUp(http);
                    long dumpMs = ((Number) backup.get("durationMs")).longValue();
                    System.out.printf("round %d: plain pg_dump -Fc to local disk %5.1f s (%d MB) | backup-service "
                                    + "(dump to S3 with manifest + SHA-256 + multipart) unencrypted %5.1f s, ratio %4.2f "
                                    + "| encrypted (key id %s) %5.1f s (%d MB), ratio %4.2f (target <= 1.2) | encrypting "
                                    + "the plain dump alone %4.2f s%n",
                            round, plain / 1e9, plainBytes >> 20, clearMs / 1e3, clearMs / (plain / 1e6),
                            backup.get("encryptionKeyId"), dumpMs / 1e3,
                            ((Number) backup.get("sizeBytes")).longValue() >> 20, dumpMs / (plain / 1e6),
                            encrypting / 1e9);
                }
                System.out.printf("peak heap of the JVM (two services) during them: %d MB (max %d MB)%n",
                        peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
        } finally {
            Engines.deleteTree(dir);
        }
    }

    /**
     * The engines with a generated, vacuumed foodtruck database of about {@code megabytes}, and the settings a
     * backup-service started by {@link #start} needs (keys in {@code dir}, no schedule).
     */
    static Engines engines(Path dir, int megabytes) throws Exception {
        EngineSettings settings = EngineSettings.forTests(dir);
        settings = new EngineSettings(settings.dataDir(), true, settings.postgresPort(), settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.s3Port(), megabytes);
        System.out.printf("Generating a foodtruck database of about %d MB ...%n", megabytes);
        Engines engines = Engines.startForThisJvm(settings);
        try {
            settle(engines);
        } catch (Exception e) {
            engines.close();
            throw e;
        }
        System.setProperty("dr.backup.scheduling-enabled", "false");
        org.drcc.testsupport.TestTokens.install();
        System.setProperty("dr.audit.signing-key-file", dir.resolve("keys/backup.key").toString());
        System.setProperty("dr.backup.encryption.keys.local", dir.resolve("keys/backup-encryption.json").toString());
        System.setProperty("dr.backup.encryption.create-missing-key", "true");
        return engines;
    }

    /** A backup-service on the engines, with {@code extra} settings. */
    static ConfigurableApplicationContext start(Engines engines, String url, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + engines.jdbcUrl("backup"),
                "--spring.kafka.bootstrap-servers=" + engines.bootstrapServers(),
                "--dr.s3.endpoint=" + engines.s3Endpoint(),
                "--dr.backup.databases.foodtruck.url=" + url, "--logging.level.root=WARN",
                // the verification by restore after each backup would run beside the next turn being timed
                "--dr.backup.verify-after-backup=false",
                "--logging.level.org.drcc.backup.job.SnapshotDumper=DEBUG"));
        args.addAll(List.of(extra));
        return new SpringApplication(BackupServiceApplication.class).run(args.toArray(String[]::new));
    }

    static RestTemplate client(ConfigurableApplicationContext service) {
        int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
        return new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)
                .additionalInterceptors((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(
                            org.drcc.testsupport.TestTokens.token("bench", java.util.List.of("dba")));
                    return execution.execute(request, body);
                }).build();
    }

    /** Backs up now and waits until the backup is completed and copied to both tiers (so the copies run alone). */
    static Map<?, ?> backUp(RestTemplate http) throws InterruptedException {
        Map<?, ?> started = http.postForObject("/api/backups", Map.of("database", "foodtruck"), Map.class);
        Map<?, ?> backup;
        do {
            Thread.sleep(200);
            backup = http.getForObject("/api/backups/" + started.get("backupId"), Map.class);
        } while ("RUNNING".equals(backup.get("status"))
                || "COMPLETED".equals(backup.get("status")) && ((List<?>) backup.get("copies")).size() < 2);
        if (!"COMPLETED".equals(backup.get("status"))) {
            throw new IllegalStateException("the backup failed: " + backup.get("failure"));
        }
        return backup;
    }

    /** Nanoseconds to encrypt {@code file} as the service encrypts a dump, to nowhere: the encryption's own cost. */
    private static long encryptAlone(DumpEnvelopes envelopes, Path file) throws Exception {
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file);
             OutputStream sealed = envelopes.seal(OutputStream.nullOutputStream(), envelopes.activeKeyId(), "bench",
                     FoodTruckDatabase.NAME)) {
            in.transferTo(sealed);
        }
        return System.nanoTime() - start;
    }

    static long plainDump(int port, Path file) throws Exception {
        long start = System.nanoTime();
        Process dump = new ProcessBuilder("pg_dump", "-Fc", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-f", file.toString(), FoodTruckDatabase.NAME).inheritIO().start();
        if (dump.waitFor() != 0) {
            throw new IllegalStateException("pg_dump failed");
        }
        return System.nanoTime() - start;
    }

    /**
     * Vacuums (and analyzes) the database just generated, and checkpoints: otherwise the first reads of
     * its new rows set their hint bits and autovacuum runs, writing while the first rounds are timed.
     */
    static void settle(Engines engines) throws Exception {
        try (Connection c = engines.postgres().dataSource(FoodTruckDatabase.NAME).getConnection();
             java.sql.Statement s = c.createStatement()) {
            s.execute("VACUUM (FREEZE, ANALYZE)");
            s.execute("CHECKPOINT");
        }
    }

    static long databaseSize(Engines engines) throws Exception {
        try (Connection c = engines.postgres().dataSource(FoodTruckDatabase.NAME).getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT pg_database_size('foodtruck')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private BackupBenchmark() {
    }
}
