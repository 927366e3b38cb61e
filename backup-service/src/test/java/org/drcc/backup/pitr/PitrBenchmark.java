package org.drcc.backup.pitr;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.drcc.backup.BackupServiceApplication;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.postgres.ToolProcess;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.FoodTruckDatabase;
import org.drcc.engines.WalArchive;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The point-in-time recovery benchmark (bench/pitr-benchmark [MB] [LOAD_SECONDS] [ORDERS_PER_SECOND]), on a generated
 * foodtruck database of the given size, with the field's plain way in the same run:
 * <ol>
 * <li>base backups: backup-service's (pgBackRest, to each of the three tiers in turn) and {@code pg_basebackup} to
 * local disk, while {@code pg_receivewal} streams the WAL to local disk for the plain recovery;</li>
 * <li>WAL archive lag under a steady write load (orders, one transaction each, at a fixed rate): every second, the
 * service's own measure (how long the oldest finished segment has waited to be archived: its RPO watch) and the
 * age of the newest archived segment (what a total loss of the server would lose, bounded by archive_timeout);</li>
 * <li>restore to an instant in the load: the service's ({@code PointInTimeRestores}: the archive brought up to now,
 * pgBackRest restore from S3 with {@code --type=time}, replay, the database copied into a new one on the server,
 * counted and checked) against the plain way (the pg_basebackup copy, {@code recovery_target_time} and
 * {@code restore_command} over pg_receivewal's files, started until promoted, the database copied into a new one on
 * the server alike); both times and their ratio.</li>
 * </ol>
 */
public final class PitrBenchmark {

    private static final DateTimeFormatter TARGET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

    /** Exits when done: the engines' clients leave threads behind that would keep the JVM up. */
    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int loadSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path dir = Files.createTempDirectory("dr-pitr-bench-");
        EngineSettings settings = EngineSettings.forTests(dir);
        settings = new EngineSettings(settings.dataDir(), true, settings.postgresPort(), settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.s3Port(), megabytes);
        System.out.printf("Generating a foodtruck database of about %d MB ...%n", megabytes);
        Process receiver = null;
        try (Engines engines = Engines.startForThisJvm(settings)) {
            int port = engines.postgres().port();
            try (Connection c = engines.postgres().dataSource(FoodTruckDatabase.NAME).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("VACUUM (FREEZE, ANALYZE)");
                s.execute("CHECKPOINT");
            }
            try (ConfigurableApplicationContext service = start(engines, dir)) {
                BaseBackups baseBackups = service.getBean(BaseBackups.class);
                WalArchiveLag lag = service.getBean(WalArchiveLag.class);
                PointInTimeRestores restores = service.getBean(PointInTimeRestores.class);
                PgTools tools = service.getBean(PgTools.class);
                PgTarget server = baseBackups.server();
                long t;
                System.out.printf("%nfoodtruck: %d MB on disk; cluster %d MB%n", size(server, "pg_database_size('foodtruck')"),
                        size(server, "(SELECT sum(pg_database_size(datname)) FROM pg_database)"));

                // 1. base backups, the WAL streamed to local disk for the plain way from before its base backup;
                // first the archive catches up with the WAL the generation wrote before the stanza existed
                baseBackups.prepare();
                t = System.nanoTime();
                while (lag.measure().map(m -> !m.lag().isZero()).orElse(true)) {
                    Thread.sleep(500);
                }
                System.out.printf("the archive caught up with the generation's WAL in %.1f s%n", seconds(t));
                Path wal = Files.createDirectories(dir.resolve("plain-wal"));
                receiver = new ProcessBuilder("pg_receivewal", "-h", "127.0.0.1", "-p", "" + port, "-U", "postgres",
                        "-D", wal.toString(), "--no-loop").redirectErrorStream(true)
                        .redirectOutput(dir.resolve("pg_receivewal.log").toFile()).start();
                t = System.nanoTime();
                baseBackups.run("bench");
                double serviceBase = seconds(t);
                t = System.nanoTime();
                Path base = dir.resolve("plain-base");
                run("pg_basebackup", "-h", "127.0.0.1", "-p", "" + port, "-U", "postgres", "-D", base.toString(),
                        "-X", "stream", "-c", "fast");
                double plainBase = seconds(t);
                System.out.printf("base backup: backup-service (pgBackRest, 3 tiers in turn, S3) %.1f s | pg_basebackup "
                        + "to local disk %.1f s%n", serviceBase, plainBase);

                // 2. the steady load, and the archive's lag each second
                Load load = Load.start(server.withDatabase(FoodTruckDatabase.NAME), rate);
                List<Double> waited = new ArrayList<>();
                List<Double> newestAge = new ArrayList<>();
                long walBefore = lsn(server);
                Instant toTime = null;
                for (int second = 1; second <= loadSeconds; second++) {
                    Thread.sleep(1000);
                    lag.measure().ifPresent(m -> {
                        waited.add(m.lag().toMillis() / 1e3);
                        if (m.lastArchivedAt() != null) {
                            newestAge.add(Duration.between(m.lastArchivedAt(), Instant.now()).toMillis() / 1e3);
                        }
                    });
                    if (second == loadSeconds * 2 / 3) {
                        toTime = Instant.now();
                    }
                }
                load.stop();
                long walBytes = lsn(server) - walBefore;
                System.out.printf("steady load: %d orders in %d s (%d a second, one transaction each), %.1f MB of WAL "
                                + "(%.2f MB/s)%n", load.placed.get(), loadSeconds, rate, walBytes / 1048576.0,
                        walBytes / 1048576.0 / loadSeconds);
                System.out.printf("WAL archive lag, the service's measure (oldest finished segment waiting): median "
                                + "%.1f s, max %.1f s | age of the newest archived segment: median %.1f s, max %.1f s "
                                + "(archive_timeout 60 s)%n", median(waited), max(waited), median(newestAge),
                        max(newestAge));

                // 3. restore to an instant two thirds into the load
                String switched = single(server, "SELECT pg_walfile_name(pg_switch_wal())");
                awaitFile(wal.resolve(switched));
                t = System.nanoTime();
                PitrRestoreAccepted accepted = restores.start(FoodTruckDatabase.NAME, toTime, "foodtruck_pitr", "bench");
                PitrRestoreView done;
                do {
                    Thread.sleep(200);
                    done = service.getBean(PitrViews.class).restore(accepted.restoreId()).orElseThrow();
                } while ("RUNNING".equals(done.status()));
                double serviceRestore = seconds(t);
                if (!"RESTORED".equals(done.status())) {
                    throw new IllegalStateException("the service's restore failed: " + done.failure());
                }
                t = System.nanoTime();
                Instant plainReached = plainRestore(base, wal, toTime, tools, server.withDatabase("foodtruck_plain"));
                double plainRestore = seconds(t);
                String orders = "SELECT count(*) FROM customer_order";
                String pitrOrders = single(server.withDatabase("foodtruck_pitr"), orders);
                String plainOrders = single(server.withDatabase("foodtruck_plain"), orders);
                System.out.printf("restore to %s (reached %s | plain: %s; orders %s | %s): backup-service %.1f s "
                                + "(from S3, counted, %d checks) | pg_basebackup + recovery_target_time %.1f s (local "
                                + "disk) | ratio %.2f%n", toTime, done.reachedAt(), plainReached, pitrOrders, plainOrders,
                        serviceRestore, done.applicationChecks(), plainRestore, serviceRestore / plainRestore);
                if (!pitrOrders.equals(plainOrders)) {
                    throw new IllegalStateException("the two restores differ: " + pitrOrders + " and " + plainOrders
                            + " orders");
                }
            }
        } finally {
            if (receiver != null) {
                receiver.destroy();
                receiver.waitFor(10, TimeUnit.SECONDS);
            }
            Engines.deleteTree(dir);
        }
    }

    /** A backup-service on the engines, point-in-time recovery on as in {@code ./dr up}. */
    private static ConfigurableApplicationContext start(Engines engines, Path dir) {
        System.setProperty("dr.backup.scheduling-enabled", "false");
        org.drcc.testsupport.TestTokens.install();
        System.setProperty("dr.audit.signing-key-file", dir.resolve("keys/backup.key").toString());
        System.setProperty("dr.backup.encryption.keys.local", dir.resolve("keys/backup-encryption.json").toString());
        System.setProperty("dr.backup.encryption.create-missing-key", "true");
        return new SpringApplication(BackupServiceApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + engines.jdbcUrl("backup"),
                "--dr.privacy.keyring.url=" + engines.jdbcUrl(Engines.KEYRING_DATABASE),
                "--spring.kafka.bootstrap-servers=" + engines.bootstrapServers(),
                "--dr.s3.endpoint=" + engines.s3Endpoint(),
                "--dr.backup.databases.foodtruck.url=" + engines.jdbcUrl(FoodTruckDatabase.NAME),
                "--dr.backup.pitr.enabled=true",
                "--dr.backup.pitr.config-dir=" + engines.walArchiveConfigDir(),
                "--dr.backup.pitr.cipher-pass-file=" + WalArchive.passphraseFile(dir),
                "--dr.backup.pitr.create-missing-key=true",
                "--dr.backup.pitr.s3-endpoint=" + engines.s3HttpsHostAndPort(),
                "--dr.backup.pitr.verify-tls=false",
                "--logging.level.root=WARN");
    }

    /** The plain way: the base backup copied, recovery to the instant over the local WAL, the database copied out. */
    private static Instant plainRestore(Path base, Path wal, Instant toTime, PgTools tools, PgTarget target)
            throws Exception {
        try (ScratchCluster scratch = ScratchCluster.allocate()) {
            run("cp", "-a", base + "/.", scratch.dataDir().toString());
            Files.writeString(scratch.dataDir().resolve("recovery.signal"), "");
            Files.writeString(scratch.dataDir().resolve("postgresql.auto.conf"), "restore_command = 'cp " + wal
                    + "/%f %p'\nrecovery_target_time = '" + TARGET.format(toTime) + "'\n"
                    + "recovery_target_action = 'promote'\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Path log = Files.createTempFile("dr-pitr-bench-", ".log");
            try {
                scratch.start(Duration.ofHours(2), log);
            } finally {
                Files.deleteIfExists(log);
            }
            Instant reached = scratch.lastReplayedCommit();
            try (Connection c = target.withDatabase("postgres").connect(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + target.databaseName());
            }
            try (ToolProcess dump = tools.dump(scratch.database(FoodTruckDatabase.NAME));
                 ToolProcess restore = tools.restoreFromStdin(target)) {
                try (OutputStream in = restore.stdin()) {
                    dump.stdout().transferTo(in);
                }
                dump.awaitSuccess(2, TimeUnit.HOURS);
                restore.awaitSuccess(2, TimeUnit.HOURS);
            }
            return reached;
        }
    }

    /** Orders at a fixed rate, one transaction each (an order and its line), until stopped. */
    private static final class Load implements Runnable {
        final AtomicLong placed = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final PgTarget database;
        private final int rate;
        private final Thread thread;

        private Load(PgTarget database, int rate) {
            this.database = database;
            this.rate = rate;
            this.thread = new Thread(this, "pitr-bench-load");
        }

        static Load start(PgTarget database, int rate) {
            Load load = new Load(database, rate);
            load.thread.start();
            return load;
        }

        void stop() throws InterruptedException {
            stop.set(true);
            thread.join();
        }

        @Override
        public void run() {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                long order = Long.parseLong(single(s, "SELECT max(id) + 1 FROM customer_order"));
                long line = Long.parseLong(single(s, "SELECT max(id) + 1 FROM order_line"));
                c.setAutoCommit(false);
                try (PreparedStatement o = c.prepareStatement("INSERT INTO customer_order SELECT ?, customer_id, "
                        + "truck_id, location_id, 'PLACED', (SELECT 2 * price FROM menu_item ORDER BY id LIMIT 1), "
                        + "clock_timestamp() FROM customer_order ORDER BY id LIMIT 1");
                     PreparedStatement l = c.prepareStatement("INSERT INTO order_line SELECT ?, ?, id, 2, price "
                             + "FROM menu_item ORDER BY id LIMIT 1")) {
                    long period = 1_000_000_000L / rate;
                    long next = System.nanoTime();
                    while (!stop.get()) {
                        o.setLong(1, order);
                        o.executeUpdate();
                        l.setLong(1, line++);
                        l.setLong(2, order++);
                        l.executeUpdate();
                        c.commit();
                        placed.incrementAndGet();
                        next += period;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("the load stopped", e);
            }
        }
    }

    /** pg_receivewal has finished the segment (it drops .partial when the segment is whole). */
    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 600 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(file)) {
            throw new IllegalStateException("pg_receivewal did not finish " + file.getFileName());
        }
    }

    private static long lsn(PgTarget server) throws Exception {
        return Long.parseLong(single(server, "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"));
    }

    private static long size(PgTarget server, String expression) throws Exception {
        return Long.parseLong(single(server, "SELECT " + expression)) >> 20;
    }

    private static String single(PgTarget database, String sql) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            return single(s, sql);
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private PitrBenchmark() {
    }
}
