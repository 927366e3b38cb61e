package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.drcc.backup.job.Policies;
import org.drcc.backup.job.RpoWatch;
import org.drcc.backup.pitr.BaseBackups;
import org.drcc.backup.pitr.PgBackRestConfig;
import org.drcc.backup.pitr.Repository;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Point-in-time recovery on the real engines: the server archives its WAL with pgBackRest into the three tiers
 * (S3Mock over HTTPS), a base backup is taken, rows are committed one by one, and a restore to an instant between
 * two commits finds exactly the rows committed before it, in a new database, and runs the drills' application
 * checks on it.
 */
@WithEngines(database = "backup")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dr.backup.scheduling-enabled=false", "dr.backup.pitr.archive-lag-threshold=PT2S"})
class PointInTimeRecoveryIT {

    private static final String TARGET = "foodtruck_pitr";
    private static final String LOST_TIER_TARGET = "foodtruck_pitr_lost_tier";
    private static final String LOST_SERVER_TARGET = "foodtruck_pitr_lost_server";

    @Autowired
    TestRestTemplate http;

    @Autowired
    BaseBackups baseBackups;

    @Autowired
    RpoWatch rpoWatch;

    @Autowired
    Policies policies;

    @Autowired
    PgBackRestConfig pgBackRestConfig;

    @Autowired
    S3Client s3;

    /**
     * The day a regional disaster takes the primary tier's bucket and the protected server lives on: the WAL written
     * after the loss still reaches the secondary and tertiary tiers, every segment of it; a restore to an instant
     * after the loss reads them and holds exactly the rows committed before it; and when the tier is back, it gets
     * every segment it missed (the server kept them for it).
     */
    @Test
    void theDayThePrimaryBucketIsGoneTheWalStillReachesTheOtherTiersAndARestoreToAnInstantReadsThem() throws Exception {
        BackupApi api = new BackupApi(http, "pitr-dba");
        baseBackupInEachTier(api); // the schedule's, taken before the loss (the class's, when another test took it)
        Path file = pgBackRestConfig.configFile();
        String written = Files.readString(file);
        String bucket = "repo1-s3-bucket=" + pgBackRestConfig.repositories().get(0).bucket() + "\n";
        assertThat(written).contains(bucket);
        String last = null;
        try {
            execute("DROP TABLE IF EXISTS pitr_lost_tier");
            execute("CREATE TABLE pitr_lost_tier (id int PRIMARY KEY)");
            // what pgBackRest sees of a lost bucket: the S3 store answers that there is no such bucket
            replace(file, written.replace(bucket, bucket.strip() + "-lost\n"));
            for (int id = 1; id <= 3; id++) {
                execute("INSERT INTO pitr_lost_tier VALUES (" + id + ")");
                last = query("SELECT pg_walfile_name(pg_switch_wal())");
            }
            String lastWritten = last;
            for (Repository tier : pgBackRestConfig.repositories().subList(1, 3)) {
                await(() -> baseBackups.newestArchivedSegment(tier), newest -> newest.compareTo(lastWritten) >= 0);
            }

            Thread.sleep(50);
            Instant toTime = Instant.parse(query("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"));
            Thread.sleep(50);
            execute("INSERT INTO pitr_lost_tier VALUES (4)");
            restored(api, toTime, LOST_TIER_TARGET);
            assertThat(ids(LOST_TIER_TARGET, "pitr_lost_tier")).as("the rows committed after the loss and before " + toTime)
                    .containsExactly(1, 2, 3);
        } finally {
            replace(file, written);
            execute("DROP TABLE IF EXISTS pitr_lost_tier");
            try (Connection c = BackupApi.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + LOST_TIER_TARGET + " WITH (FORCE)");
            }
        }
        String missed = last;
        Repository primary = pgBackRestConfig.repositories().get(0);
        await(() -> baseBackups.newestArchivedSegment(primary), newest -> newest.compareTo(missed) >= 0);
    }

    /**
     * The day a regional disaster takes the primary tier's bucket and then the protected server, its last WAL with it:
     * a restore to the end of the archive asks nothing of the lost server (here its database refuses every
     * connection, and the WAL of its last commit never leaves it), reads the tier whose archive reaches furthest (the
     * secondary lacks the newest segment, the primary all the WAL since its loss), and holds every row the archive held
     * and none after; its answer says which tier and how far it reached. It writes pgBackRest's configuration where it
     * is missing, goes into an empty database of the target's name, as a replacement server's setup makes it, and
     * refuses one that holds a table.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDayTheProtectedServerIsLostARestoreToTheEndOfTheArchiveHoldsWhatTheArchiveHeldAndAsksNothingOfIt()
            throws Exception {
        BackupApi api = new BackupApi(http, "dr-site-dba"); // restores are rate-limited per caller
        baseBackupInEachTier(api);
        Path file = pgBackRestConfig.configFile();
        String written = Files.readString(file);
        String bucket = "repo1-s3-bucket=" + pgBackRestConfig.repositories().get(0).bucket() + "\n";
        String secondary = pgBackRestConfig.repositories().get(1).bucket();
        String command = query("SHOW archive_command");
        String last = null;
        String moved = null;
        try {
            execute("DROP TABLE IF EXISTS pitr_lost_server");
            execute("CREATE TABLE pitr_lost_server (id int PRIMARY KEY, written_at timestamptz NOT NULL "
                    + "DEFAULT clock_timestamp())");
            replace(file, written.replace(bucket, bucket.strip() + "-lost\n"));
            for (int id = 1; id <= 3; id++) {
                execute("INSERT INTO pitr_lost_server (id) VALUES (" + id + ")");
                last = query("SELECT pg_walfile_name(pg_switch_wal())");
            }
            String lastWritten = last;
            for (Repository tier : pgBackRestConfig.repositories().subList(1, 3)) {
                await(() -> baseBackups.newestArchivedSegment(tier), newest -> newest.compareTo(lastWritten) >= 0);
            }
            Instant third = Instant.parse(query("SELECT to_char(written_at AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM pitr_lost_server WHERE id = 3"));
            // the server's last commit: its WAL never reaches the archive
            execute("ALTER SYSTEM SET archive_command = 'false'");
            execute("SELECT pg_reload_conf()");
            execute("INSERT INTO pitr_lost_server (id) VALUES (4)");
            Instant fourth = Instant.parse(query("SELECT to_char(written_at AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM pitr_lost_server WHERE id = 4"));
            allowConnections("foodtruck", false);
            // the secondary fell behind: the segment of the third row is set aside there (put back at the end)
            String segment = lastWritten;
            moved = s3.listObjectsV2Paginator(r -> r.bucket(secondary).prefix("pgbackrest/archive/")).contents()
                    .stream().map(o -> o.key()).filter(k -> k.contains("/" + segment + "-")).findFirst().orElseThrow();
            setAside(secondary, moved, moved + ".aside");
            assertThat(baseBackups.newestArchivedSegment(pgBackRestConfig.repositories().get(1)))
                    .as("the secondary's archive is behind the tertiary's").isLessThan(segment);

            // a recovery backup-service that could not reach the server at its start has no pgBackRest configuration
            Files.delete(file);
            try (Connection c = BackupApi.connect("postgres"); Statement st = c.createStatement()) {
                // as least-privilege.psql makes it on a replacement server: only the application's role may connect
                st.execute("CREATE DATABASE " + LOST_SERVER_TARGET);
                st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dr_site_app') THEN "
                        + "CREATE ROLE dr_site_app LOGIN; END IF; END $$");
                st.execute("REVOKE ALL ON DATABASE " + LOST_SERVER_TARGET + " FROM PUBLIC");
                st.execute("GRANT CONNECT ON DATABASE " + LOST_SERVER_TARGET + " TO dr_site_app");
            }
            try (Connection c = BackupApi.connect(LOST_SERVER_TARGET); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE written_meanwhile (id int)");
            }
            String body = "{\"database\": \"foodtruck\", \"toEndOfArchive\": true, \"targetDatabase\": \""
                    + LOST_SERVER_TARGET + "\"}";
            ResponseEntity<Map<String, Object>> overData = api.post("/api/restores", body);
            assertThat(overData.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat((String) overData.getBody().get("detail")).contains("holds 1 table(s)", "never over data");
            try (Connection c = BackupApi.connect(LOST_SERVER_TARGET); Statement st = c.createStatement()) {
                st.execute("DROP TABLE written_meanwhile");
            }

            ResponseEntity<Map<String, Object>> accepted = api.post("/api/restores", body);
            assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(accepted.getBody()).containsEntry("toEndOfArchive", true);
            String restoreId = (String) accepted.getBody().get("restoreId");
            Map<String, Object> done = await(() -> http.exchange("/api/restores/" + restoreId, HttpMethod.GET, null,
                    BackupApi.JSON).getBody(), r -> !"RUNNING".equals(r.get("status")));
            assertThat(done).as(String.valueOf(done.get("failure"))).containsEntry("status", "RESTORED")
                    .containsEntry("toEndOfArchive", true)
                    .as("the tier whose archive reaches furthest, the primary and the secondary behind it")
                    .containsEntry("tier", "tertiary");
            assertThat(ids(LOST_SERVER_TARGET, "pitr_lost_server")).as("every row whose WAL reached the archive, "
                    + "not the last one, which stayed on the lost server").containsExactly(1, 2, 3);
            assertThat(file).as("pgBackRest's configuration, written by the restore").exists();
            try (Connection c = BackupApi.connect("postgres"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT has_database_privilege('dr_site_app', '" + LOST_SERVER_TARGET
                         + "', 'CONNECT'), (SELECT count(*) FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = '"
                         + LOST_SERVER_TARGET + "' AND a.grantee = 0)")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the application's role may connect, as before").isTrue();
                assertThat(rs.getInt(2)).as("and PUBLIC may not, as before").isZero();
            }
            assertThat(Instant.parse((String) done.get("reachedAt"))).as("how far the archive reached")
                    .isAfterOrEqualTo(third).isBefore(fourth);
            assertThat((List<String>) done.get("applicationChecksFailing")).as("the probe table is not the application's")
                    .containsExactly("no unknown tables (1 rows)");
        } finally {
            if (moved != null) {
                setAside(secondary, moved + ".aside", moved);
            }
            allowConnections("foodtruck", true);
            execute("ALTER SYSTEM SET archive_command = '" + command.replace("'", "''") + "'");
            execute("SELECT pg_reload_conf()");
            replace(file, written);
            execute("DROP TABLE IF EXISTS pitr_lost_server");
            try (Connection c = BackupApi.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + LOST_SERVER_TARGET + " WITH (FORCE)");
                st.execute("DROP ROLE IF EXISTS dr_site_app");
            }
        }
        String missed = last;
        Repository primary = pgBackRestConfig.repositories().get(0);
        await(() -> baseBackups.newestArchivedSegment(primary), newest -> newest.compareTo(missed) >= 0);
    }

    /** Moves an object within a bucket. */
    private void setAside(String bucket, String key, String to) {
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey(to));
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    private static void allowConnections(String database, boolean allow) throws Exception {
        try (Connection c = BackupApi.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
        }
    }

    /** Replaced whole, as the service writes it: the server's archive command never reads half of it. */
    private static void replace(Path file, String content) throws Exception {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The tier is back after the disaster, but as a bucket made anew: empty, without pgBackRest's stanza, so every push
     * of WAL to it is refused and the server keeps its WAL for it. The lagging archive's watch makes the stanza again,
     * without a restart, and the tier then gets the WAL the server kept.
     */
    @Test
    void aTierWhoseBucketWasMadeAnewGetsItsStanzaBackAndTheWalItMissedWithoutARestart() throws Exception {
        baseBackups.prepare();
        Repository primary = pgBackRestConfig.repositories().get(0);
        execute("CREATE TABLE IF NOT EXISTS pitr_anew (id int)");
        try {
            List<ObjectIdentifier> objects = s3.listObjectsV2Paginator(r -> r.bucket(primary.bucket())
                    .prefix("pgbackrest/")).contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build())
                    .toList();
            assertThat(objects).as("the stanza's objects in the primary bucket").isNotEmpty();
            for (int i = 0; i < objects.size(); i += 1000) {
                List<ObjectIdentifier> batch = objects.subList(i, Math.min(objects.size(), i + 1000));
                s3.deleteObjects(r -> r.bucket(primary.bucket()).delete(d -> d.objects(batch)));
            }
            execute("INSERT INTO pitr_anew VALUES (1)");
            String written = query("SELECT pg_walfile_name(pg_switch_wal())");
            // the watch runs on its schedule in production; here the test asks it, as the schedule would. After three
            // failed pushes the server's archiver waits a minute before it tries again: a reload wakes it at once
            await(() -> {
                rpoWatch.check("foodtruck", policies.require("foodtruck"));
                try {
                    execute("SELECT pg_reload_conf()");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                try {
                    return baseBackups.newestArchivedSegment(primary);
                } catch (RuntimeException e) {
                    return "(none: " + e.getMessage() + ")";
                }
            }, newest -> newest.compareTo(written) >= 0 && !newest.startsWith("("));
        } finally {
            execute("DROP TABLE IF EXISTS pitr_anew");
        }
        await(() -> {
            rpoWatch.check("foodtruck", policies.require("foodtruck"));
            return walWatch();
        }, lagging -> !Boolean.TRUE.equals(lagging));
    }

    @Test
    void aWalArchiveThatFallsBehindIsRpoAtRiskAndSaysSoOnceAndAgainWhenItCatchesUp() throws Exception {
        baseBackups.prepare();
        // another test may have made the archive lag too: this one counts its own events
        int before = lagEvents();
        String command = query("SHOW archive_command");
        try {
            // archiving breaks: every WAL segment from now on waits in pg_wal
            execute("ALTER SYSTEM SET archive_command = 'false'");
            execute("SELECT pg_reload_conf()");
            execute("CREATE TABLE IF NOT EXISTS pitr_lag (id int)");
            // a new segment each time (the reload reaches the archiver a moment later): the first left waiting grows old
            await(() -> {
                writeAndSwitchWal();
                rpoWatch.check("foodtruck", policies.require("foodtruck"));
                return walWatch();
            }, lagging -> Boolean.TRUE.equals(lagging));
            assertThat(rpoAtRisk()).as("a lagging WAL archive is RPO at risk").isTrue();
        } finally {
            execute("ALTER SYSTEM SET archive_command = '" + command.replace("'", "''") + "'");
            execute("SELECT pg_reload_conf()");
            execute("DROP TABLE IF EXISTS pitr_lag");
        }
        await(() -> {
            rpoWatch.check("foodtruck", policies.require("foodtruck"));
            return walWatch();
        }, lagging -> Boolean.FALSE.equals(lagging));
        assertThat(lagEvents() - before).as("one event when it fell behind, one when it caught up").isEqualTo(2);
    }

    private static int lagEvents() throws Exception {
        try (Connection c = BackupApi.connect("backup"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domainevententry "
                     + "WHERE payloadtype LIKE '%WalArchiveLagEvent'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void writeAndSwitchWal() {
        try {
            execute("INSERT INTO pitr_lag VALUES (1)");
            execute("SELECT pg_switch_wal()");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Boolean walWatch() {
        try (Connection c = BackupApi.connect("backup"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT lagging FROM wal_archive_watch WHERE database_name = 'foodtruck'")) {
            return rs.next() ? rs.getBoolean(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean rpoAtRisk() throws Exception {
        try (Connection c = BackupApi.connect("backup"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT at_risk FROM rpo_watch WHERE database_name = 'foodtruck'")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRestoreToAnInstantHoldsExactlyTheRowsCommittedBeforeItAndSaysWhichInstantItReached() throws Exception {
        BackupApi api = new BackupApi(http, "pitr-dba");
        execute("CREATE TABLE pitr_probe (id int PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT clock_timestamp())");
        try {
            Instant consistent = baseBackupInEachTier(api);

            // three rows, each its own transaction; the instant; two more rows after it
            for (int id = 1; id <= 3; id++) {
                execute("INSERT INTO pitr_probe (id) VALUES (" + id + ")");
            }
            Instant lastBefore = Instant.parse(query("SELECT to_char(max(written_at) AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM pitr_probe"));
            Thread.sleep(50);
            Instant toTime = Instant.parse(query("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"));
            Thread.sleep(50);
            execute("INSERT INTO pitr_probe (id) VALUES (4)");
            execute("INSERT INTO pitr_probe (id) VALUES (5)");

            ResponseEntity<Map<String, Object>> future = api.post("/api/restores", body(Instant.now().plusSeconds(3600)));
            assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(future.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) future.getBody().get("detail")).contains("in the future");
            ResponseEntity<Map<String, Object>> tooEarly = api.post("/api/restores", body(consistent.minusSeconds(86400)));
            assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) tooEarly.getBody().get("detail")).contains("before the oldest base backup");
            assertThat(BackupApi.databaseExists(TARGET)).as("nothing created by a refusal").isFalse();

            Map<String, Object> done = restored(api, toTime, TARGET);
            assertThat(ids(TARGET, "pitr_probe")).as("exactly the rows committed before " + toTime).containsExactly(1, 2, 3);
            Instant reached = Instant.parse((String) done.get("reachedAt"));
            assertThat(reached).as("the last commit replayed: after the third row was written, not after the instant")
                    .isAfterOrEqualTo(lastBefore).isBeforeOrEqualTo(toTime);
            assertThat(((Number) done.get("tables")).intValue()).as("every table of foodtruck counted").isGreaterThan(1);
            assertThat(((Number) done.get("applicationChecks")).intValue()).as("the drills' application checks ran")
                    .isEqualTo(5);
            assertThat((List<String>) done.get("applicationChecksFailing")).as("the probe table is not the application's")
                    .containsExactly("no unknown tables (1 rows)");
        } finally {
            execute("DROP TABLE IF EXISTS pitr_probe");
            try (Connection c = BackupApi.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + TARGET + " WITH (FORCE)");
            }
        }
    }

    /**
     * The instant from which the class's base backup in each tier is consistent, once taken: one for the class (three
     * full backups of the whole cluster take some 25 s). The WAL from it on is archived in every tier, so each
     * restore to an instant after it replays what the tests wrote since, whichever test took it.
     */
    private static Instant consistentFrom;

    /**
     * A base backup in each tier's repository (the schedule's, taken before anything the restores look for is
     * written), taken by the first test that needs it; returns the instant from which all three are consistent.
     */
    private Instant baseBackupInEachTier(BackupApi api) throws InterruptedException {
        if (consistentFrom == null) {
            consistentFrom = takeBaseBackupInEachTier(api);
        }
        return consistentFrom;
    }

    /** A base backup in each tier's repository, awaited; returns the instant from which all three are consistent. */
    private Instant takeBaseBackupInEachTier(BackupApi api) throws InterruptedException {
        ResponseEntity<Map<String, Object>> base = api.post("/api/base-backups", "");
        assertThat(base.getStatusCode()).as(String.valueOf(base.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String backupId = (String) base.getBody().get("backupId");
        assertThat(base.getBody()).as("the tiers it goes to, each with a row once it ended there")
                .containsEntry("tiers", List.of("primary", "secondary", "tertiary"));
        List<Map<String, Object>> tiers = await(() -> baseBackups(api, backupId), rows -> rows.size() == 3);
        assertThat(tiers).as("one base backup in each tier's repository").allSatisfy(t ->
                assertThat(t).as(String.valueOf(t.get("failure"))).containsEntry("status", "COMPLETED"));
        Instant consistent = tiers.stream().map(t -> Instant.parse((String) t.get("consistentAt")))
                .max(Instant::compareTo).orElseThrow();
        while (Instant.now().isBefore(consistent.plusMillis(200))) {
            Thread.sleep(100);
        }
        return consistent;
    }

    /** Restores foodtruck as at {@code toTime} into {@code target} through the API; the restore's answer, RESTORED. */
    private Map<String, Object> restored(BackupApi api, Instant toTime, String target) throws InterruptedException {
        ResponseEntity<Map<String, Object>> accepted = api.post("/api/restores", body(toTime, target));
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String restoreId = (String) accepted.getBody().get("restoreId");
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/restores/" + restoreId);
        Map<String, Object> done = await(() -> http.exchange("/api/restores/" + restoreId, HttpMethod.GET, null,
                BackupApi.JSON).getBody(), r -> !"RUNNING".equals(r.get("status")));
        assertThat(done).as(String.valueOf(done.get("failure"))).containsEntry("status", "RESTORED");
        return done;
    }

    private static List<Integer> ids(String database, String table) throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = BackupApi.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    private static String body(Instant toTime) {
        return body(toTime, TARGET);
    }

    private static String body(Instant toTime, String target) {
        return "{\"database\": \"foodtruck\", \"toTime\": \"" + toTime + "\", \"targetDatabase\": \"" + target + "\"}";
    }

    private List<Map<String, Object>> baseBackups(BackupApi api, String backupId) {
        List<Map<String, Object>> all = BackupApi.list(http.exchange("/api/base-backups", HttpMethod.GET, null,
                List.class).getBody());
        return all.stream().filter(b -> backupId.equals(b.get("backupId"))).toList();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            assertThat(System.nanoTime()).as("waiting: %s", value).isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = BackupApi.connect("foodtruck"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(String sql) throws Exception {
        try (Connection c = BackupApi.connect("foodtruck"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
