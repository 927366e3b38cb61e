package org.drcc.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drcc.engines.Engines;
import org.drcc.engines.FoodTruckDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestTemplate;

/**
 * The restore benchmark (bench/restore-benchmark [MB] [ROUNDS]): on a foodtruck database of about MB megabytes
 * generated as for {@link BackupBenchmark}, restores a plain {@code pg_dump -Fc} file from local disk into a new
 * database with {@code pg_restore} in one job and with {@code -j2}, and the backup-service's backup of the same
 * database with the service's restore (download from S3, SHA-256, decryption, {@code pg_restore --jobs 2}), taking
 * turns for ROUNDS rounds after one warm-up of each. Prints the three times and the ratios -j2 / one job and
 * service / plain -j2.
 */
public final class RestoreBenchmark {

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("dr-restore-bench-");
        try (Engines engines = BackupBenchmark.engines(dir, megabytes)) {
            int port = engines.postgres().port();
            long size = BackupBenchmark.databaseSize(engines);
            // encrypted, as every backup is in production; no verification by restore beside the timed turns
            try (ConfigurableApplicationContext service = BackupBenchmark.start(engines,
                    engines.jdbcUrl(FoodTruckDatabase.NAME))) {
                RestTemplate http = BackupBenchmark.client(service);
                String backupId = (String) BackupBenchmark.backUp(http).get("backupId");
                verify(http, backupId);
                Path dump = dir.resolve("plain.dump");
                BackupBenchmark.plainDump(port, dump);
                System.out.printf("%nfoodtruck: %d MB on disk, a %d MB plain dump; pg_restore in one job, with -j2, and "
                        + "the service's restore of its backup %s take turns, %d rounds%n", size >> 20,
                        Files.size(dump) >> 20, backupId, rounds);
                plainRestore(engines, dump, 1, "warm_j1");
                plainRestore(engines, dump, 2, "warm_j2");
                serviceRestore(http, engines, backupId, "warm_svc");
                System.out.println("(one warm-up round of each, not counted)");
                for (int round = 1; round <= rounds; round++) {
                    double one = plainRestore(engines, dump, 1, "bench_j1_" + round);
                    double two = plainRestore(engines, dump, 2, "bench_j2_" + round);
                    double[] svc = serviceRestore(http, engines, backupId, "bench_svc_" + round);
                    System.out.printf("round %d: pg_restore one job %5.1f s | -j2 %5.1f s (ratio to one job %4.2f) | "
                                    + "backup-service restore %5.1f s from the request to RESTORED (%5.1f s as it "
                                    + "recorded it), ratio to plain -j2 %4.2f%n",
                            round, one, two, two / one, svc[0], svc[1], svc[0] / two);
                }
            }
        } finally {
            Engines.deleteTree(dir);
        }
    }

    /** Seconds to restore {@code dump} into the new database {@code target} with {@code jobs} jobs; then drops it. */
    private static double plainRestore(Engines engines, Path dump, int jobs, String target) throws Exception {
        sql(engines, "CREATE DATABASE " + target);
        long start = System.nanoTime();
        Process restore = new ProcessBuilder("pg_restore", "-j", Integer.toString(jobs), "-h", "127.0.0.1",
                "-p", Integer.toString(engines.postgres().port()), "-U", "postgres", "-d", target, dump.toString())
                .inheritIO().start();
        if (restore.waitFor() != 0) {
            throw new IllegalStateException("pg_restore failed");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sql(engines, "DROP DATABASE " + target);
        return seconds;
    }

    /** Seconds from the request to RESTORED, by the clock here and as the service recorded it; then drops the copy. */
    private static double[] serviceRestore(RestTemplate http, Engines engines, String backupId, String target)
            throws Exception {
        long start = System.nanoTime();
        http.postForObject("/api/backups/" + backupId + "/restore", Map.of("targetDatabase", target), Map.class);
        Map<?, ?> restore = null;
        do {
            Thread.sleep(100);
            for (Object r : (List<?>) http.getForObject("/api/backups/" + backupId, Map.class).get("restores")) {
                if (target.equals(((Map<?, ?>) r).get("targetDatabase"))) {
                    restore = (Map<?, ?>) r;
                }
            }
        } while (restore == null || "RUNNING".equals(restore.get("status")));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!"RESTORED".equals(restore.get("status"))) {
            throw new IllegalStateException("the restore failed: " + restore.get("failure"));
        }
        double recorded = Duration.between(Instant.parse((String) restore.get("startedAt")),
                Instant.parse((String) restore.get("finishedAt"))).toMillis() / 1e3;
        sql(engines, "DROP DATABASE " + target);
        return new double[] {seconds, recorded};
    }

    /** Only a backup proved restorable may be restored: verifies it and waits for the verdict. */
    private static void verify(RestTemplate http, String backupId) throws InterruptedException {
        http.postForObject("/api/backups/" + backupId + "/verify", null, Map.class);
        Map<?, ?> backup;
        do {
            Thread.sleep(200);
            backup = http.getForObject("/api/backups/" + backupId, Map.class);
        } while (!List.of("VERIFIED", "FAILED").contains(backup.get("verification")));
        if (!"VERIFIED".equals(backup.get("verification"))) {
            throw new IllegalStateException("the backup failed its verification: " + backup.get("verificationDetail"));
        }
    }

    private static void sql(Engines engines, String statement) throws Exception {
        try (Connection c = engines.postgres().dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private RestoreBenchmark() {
    }
}
