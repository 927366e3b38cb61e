package org.drcc.backup.pitr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.postgres.ToolProcess;
import org.drcc.contract.backup.PointInTimeRestoreFailedEvent;
import org.drcc.contract.backup.PointInTimeRestoreStartedEvent;
import org.drcc.contract.backup.PointInTimeRestoredEvent;
import org.drcc.drill.backup.AppChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Restores a protected database as it was at an instant into a new database on the protected server. pgBackRest
 * restores whole clusters, so: the WAL up to now is archived first (a commit after the instant, then
 * {@code pgbackrest check}, which switches the WAL segment and waits for it in the archive; with a tier lost, the
 * segment is awaited in any tier with a base backup before the instant, and the first that holds it is read);
 * pgBackRest restores the newest base backup before the instant into a {@link ScratchCluster} with
 * {@code --type=time}, which replays the
 * WAL up to the instant and promotes; the database is copied from it with pg_dump and pg_restore into the new
 * database; each table's rows are counted in both and must match, and the application's checks (the drills') run
 * on it; the scratch cluster is destroyed. The instant reached is the commit time of the last transaction replayed.
 * A failure drops the new database again.
 */
@Component
public class PointInTimeRestores {

    private static final Logger log = LoggerFactory.getLogger(PointInTimeRestores.class);
    private static final DateTimeFormatter TARGET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);
    private static final Duration RESTORE_TIMEOUT = Duration.ofHours(6);
    /** How long the WAL holding a commit after the instant may take to reach the archive. */
    private static final Duration WAL_TIMEOUT = Duration.ofMinutes(5);

    private final BaseBackups baseBackups;
    private final PgBackRest tool;
    private final PitrViews views;
    private final PgTools tools;
    private final PitrEvents events;
    private final TaskExecutor tasks;
    private final Clock clock;

    PointInTimeRestores(BaseBackups baseBackups, PgBackRest tool, PitrViews views, PgTools tools, PitrEvents events,
                        TaskExecutor backupTasks, Clock clock) {
        this.baseBackups = baseBackups;
        this.tool = tool;
        this.views = views;
        this.tools = tools;
        this.events = events;
        this.tasks = backupTasks;
        this.clock = clock;
    }

    /**
     * For damage suspected to have started at {@code suspectedStart}: the instant just before it when a base backup
     * reaches that far back, else the newest verified dump before it.
     */
    public RestorePointOffer offer(Instant suspectedStart) {
        Instant justBefore = suspectedStart.minusNanos(1000);
        boolean reachable = baseBackups.enabled() && views.oldestRestorableInstant(baseBackups.database())
                .map(oldest -> !oldest.isAfter(justBefore)).orElse(false);
        return reachable
                ? new RestorePointOffer(RestorePointOffer.POINT_IN_TIME, baseBackups.database(), justBefore, null)
                : new RestorePointOffer(RestorePointOffer.NEWEST_VERIFIED_DUMP, null, null, suspectedStart);
    }

    /** Checks the request, records the start and runs the restore off this thread; refuses with nothing started. */
    public PitrRestoreAccepted start(String database, Instant toTime, String targetDatabase, String actor) {
        if (!baseBackups.enabled() || !baseBackups.database().equals(database)) {
            throw new PitrRefusedException("point-in-time recovery is not set up for " + database
                    + " (dr.backup.pitr.enabled, dr.backup.pitr.database)");
        }
        String restoreId = begin(database, toTime, targetDatabase, actor);
        tasks.execute(() -> run(restoreId, database, toTime, targetDatabase, actor));
        return new PitrRestoreAccepted(restoreId, database, targetDatabase, toTime, "RUNNING");
    }

    /**
     * A drill's restore, on this thread: {@code scratchDatabase}, another database on the protected server (its WAL
     * is archived with the server's), as it was at {@code toTime}, into {@code targetDatabase}; the same checks and
     * events as {@link #start}. The drill decides which of its own databases it names.
     */
    public PitrRestoreView restoreHere(String scratchDatabase, Instant toTime, String targetDatabase, String actor) {
        if (!baseBackups.enabled()) {
            throw new PitrRefusedException("point-in-time recovery is not set up (dr.backup.pitr.enabled)");
        }
        try {
            if (!PgServer.exists(baseBackups.server(), scratchDatabase)) {
                throw new PitrRefusedException("no database " + scratchDatabase + " on the protected server");
            }
        } catch (SQLException e) {
            throw new PgBackRestException("the protected server cannot be reached: " + e.getMessage());
        }
        String restoreId = begin(scratchDatabase, toTime, targetDatabase, actor);
        run(restoreId, scratchDatabase, toTime, targetDatabase, actor);
        return views.restore(restoreId).orElseThrow();
    }

    private String begin(String database, Instant toTime, String targetDatabase, String actor) {
        Instant now = clock.instant();
        if (toTime.isAfter(now)) {
            throw new ToTimeOutOfRangeException("toTime " + toTime + " is in the future (it is " + now
                    + " now): choose an instant that has passed");
        }
        Instant oldest = views.oldestRestorableInstant(baseBackups.database()).orElseThrow(() -> new PitrRefusedException(
                "no base backup of " + database + " yet: nothing to replay the WAL on (take one: dr backup base)"));
        if (toTime.isBefore(oldest)) {
            throw new ToTimeOutOfRangeException("toTime " + toTime + " is before the oldest base backup of " + database
                    + ", consistent from " + oldest + ": choose " + oldest + " or later");
        }
        if (targetDatabase.equals(database)) {
            throw new PitrRefusedException("targetDatabase is the protected database itself: a restore to an instant "
                    + "goes into a new database");
        }
        PgTarget server = baseBackups.server();
        try {
            if (PgServer.exists(server, targetDatabase)) {
                throw new PitrRefusedException("the database " + targetDatabase + " exists: choose a new name");
            }
        } catch (SQLException e) {
            throw new PgBackRestException("the protected server cannot be reached: " + e.getMessage());
        }
        String restoreId = UUID.randomUUID().toString();
        try {
            events.publish(new PointInTimeRestoreStartedEvent(restoreId, database, targetDatabase, toTime, actor, now));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("pitr_restore_running_target")) {
                    throw new PitrRefusedException("a restore into " + targetDatabase + " is running");
                }
            }
            throw e;
        }
        return restoreId;
    }

    private void run(String restoreId, String database, Instant toTime, String targetDatabase, String actor) {
        PgTarget server = baseBackups.server();
        boolean created = false;
        try (ScratchCluster scratch = ScratchCluster.allocate()) {
            Chosen chosen = archiveUpToNow(server, toTime);
            tool.run(RESTORE_TIMEOUT, "restore", "--repo=" + chosen.repo().number(), "--set=" + chosen.backup().label(),
                    "--pg1-path=" + scratch.dataDir(), "--type=time",
                    "--target=" + TARGET.format(toTime.truncatedTo(ChronoUnit.MICROS)), "--target-action=promote",
                    "--archive-mode=off",
                    // the scratch cluster is on this machine, even where the protected server is another (pg1-host)
                    "--reset-pg1-host");
            String label = chosen.backup().label();
            Path serverLog = Files.createTempFile("drcc-pitr-", ".log");
            try {
                scratch.start(RESTORE_TIMEOUT, serverLog);
            } catch (Exception e) {
                throw new PgBackRestException("the restored cluster did not start: " + e.getMessage() + " "
                        + fatal(serverLog));
            } finally {
                Files.deleteIfExists(serverLog);
            }
            Instant reachedAt = scratch.lastReplayedCommit();
            PgTarget recovered = scratch.database(database);
            Map<String, Long> counts = rowCounts(recovered);
            PgServer.create(server, targetDatabase);
            created = true;
            copy(recovered, server.withDatabase(targetDatabase));
            Map<String, Long> restored = rowCounts(server.withDatabase(targetDatabase));
            if (!restored.equals(counts)) {
                throw new PgBackRestException("the row counts of " + targetDatabase + " " + restored
                        + " differ from the recovered cluster's " + counts);
            }
            long rows = counts.values().stream().mapToLong(Long::longValue).sum();
            List<String> failing = applicationChecks(server.withDatabase(targetDatabase));
            events.publish(new PointInTimeRestoredEvent(restoreId, database, targetDatabase, toTime, reachedAt, label,
                    counts.size(), rows, AppChecks.CHECKS.size(), failing, actor, clock.instant()));
            log.info("Restored {} as at {} into {} (last commit replayed at {})", database, toTime, targetDatabase,
                    reachedAt);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Restore of {} to {} into {} failed: {}", database, toTime, targetDatabase, e.getMessage());
            if (created) {
                dropQuietly(server, targetDatabase);
            }
            events.publish(new PointInTimeRestoreFailedEvent(restoreId, database, targetDatabase, toTime,
                    String.valueOf(e.getMessage()), actor, clock.instant()));
        }
    }

    /**
     * Recovery stops at the first commit after the instant; without one in the archive it would end before its
     * target and fail. So a transaction commits now (after the instant) and the WAL holding it is archived:
     * {@code pgbackrest check} switches the segment and waits for it in every tier's repository. With a tier lost,
     * {@code check} fails on it before it switches (it has no option to leave a repository out), while the other tiers
     * still receive the WAL (the server's asynchronous push, {@link PgBackRestConfig#ARCHIVE_PUSH}). The restore then
     * switches the segment itself where its role may ({@code pg_switch_wal}: a superuser, as in {@code ./dr up}), else
     * the server's {@code archive_timeout} does, and waits for the segment in any tier with a base backup before the
     * instant, in the tiers' order. Returns that tier's repository and its base backup. (compose's {@code dr_backup}
     * is not granted {@code pg_switch_wal}: a grant in the protected database is dumped with it, and a restore run as
     * the database's owner cannot replay it; {@code LeastPrivilegeRestoreIT} found it.)
     */
    private Chosen archiveUpToNow(PgTarget server, Instant toTime) throws SQLException, InterruptedException {
        String segment;
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT txid_current()");
            // the segment being written holds that commit (the insert position: past it even with asynchronous commit)
            try (ResultSet rs = s.executeQuery("SELECT pg_walfile_name(pg_current_wal_insert_lsn())")) {
                rs.next();
                segment = rs.getString(1);
            }
        }
        String checked = null;
        try {
            tool.run(WAL_TIMEOUT, "check");
        } catch (PgBackRestException e) {
            checked = e.getMessage();
        }
        List<Chosen> candidates = candidates(toTime);
        if (checked == null) {
            return candidates.get(0);
        }
        String switched = switchWal(server);
        log.warn("pgbackrest check failed (a tier lost?): {}; restoring from the first of {} that holds WAL segment {} "
                + "({})", checked, candidates.stream().map(c -> c.repo().tier()).toList(), segment, switched);
        long deadline = System.nanoTime() + WAL_TIMEOUT.toNanos();
        Map<String, String> newest = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            for (Chosen candidate : candidates) {
                try {
                    String archived = baseBackups.newestArchivedSegment(candidate.repo());
                    newest.put(candidate.repo().tier(), archived.isEmpty() ? "none" : archived);
                    if (archived.compareTo(segment) >= 0) {
                        return candidate;
                    }
                } catch (PgBackRestException e) {
                    newest.put(candidate.repo().tier(), e.getMessage());
                }
            }
            Thread.sleep(1000);
        }
        throw new PgBackRestException("the WAL segment " + segment + " holding a commit after the instant reached no "
                + "tier with a base backup before it within " + WAL_TIMEOUT.toMinutes() + " min (newest archived: "
                + newest + "; " + switched + "; pgbackrest check: " + checked + ")");
    }

    /** Switches the WAL segment where the restore's role may; says what it did, for the log and a failure's cause. */
    private static String switchWal(PgTarget server) {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_switch_wal()");
            return "the segment switched by the restore";
        } catch (SQLException e) {
            return "the segment left for the server's archive_timeout to switch (pg_switch_wal: " + e.getMessage() + ")";
        }
    }

    private record Chosen(Repository repo, BaseBackupInfo backup) {
    }

    /**
     * For each tier whose repository answers (primary, secondary, tertiary), its newest base backup consistent before
     * the instant: the WAL is in all three, so any of them can restore; at least one, else the reasons for each.
     */
    private List<Chosen> candidates(Instant toTime) {
        List<Chosen> candidates = new ArrayList<>();
        List<String> passedOver = new ArrayList<>();
        for (Repository repo : baseBackups.repositories()) {
            try {
                var backup = baseBackups.list(repo).stream().filter(b -> !b.consistentAt().isAfter(toTime))
                        .max(java.util.Comparator.comparing(BaseBackupInfo::label));
                if (backup.isPresent()) {
                    candidates.add(new Chosen(repo, backup.get()));
                } else {
                    passedOver.add(repo.tier() + ": no base backup consistent before " + toTime);
                }
            } catch (PgBackRestException e) {
                passedOver.add(repo.tier() + ": " + e.getMessage());
            }
        }
        if (candidates.isEmpty()) {
            throw new PgBackRestException("no repository can restore to " + toTime + ": " + String.join("; ", passedOver));
        }
        return candidates;
    }

    private static String fatal(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("FATAL")).reduce((a, b) -> b).orElse("");
    }

    private void copy(PgTarget from, PgTarget to) throws IOException, InterruptedException {
        try (ToolProcess dump = tools.dump(from); ToolProcess restore = tools.restoreFromStdin(to)) {
            try (OutputStream in = restore.stdin()) {
                dump.stdout().transferTo(in);
            }
            dump.awaitSuccess(6, TimeUnit.HOURS);
            restore.awaitSuccess(6, TimeUnit.HOURS);
        }
    }

    /**
     * The application's own checks, the ones the drills run on their restored copies; a check that cannot run (the
     * database is not the application's) is named as failing with why, and the restored database stays.
     */
    private static List<String> applicationChecks(PgTarget database) {
        try {
            return AppChecks.failing(database.connect());
        } catch (SQLException e) {
            return List.of("the application checks could not run: " + e.getMessage());
        }
    }

    /** Each table's exact row count, by schema-qualified name. */
    static Map<String, Long> rowCounts(PgTarget database) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' "
                    + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
                    + "ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void dropQuietly(PgTarget server, String database) {
        try {
            PgServer.drop(server, database);
        } catch (SQLException e) {
            log.warn("Could not drop {} after the failed restore: {}", database, e.getMessage());
        }
    }
}
