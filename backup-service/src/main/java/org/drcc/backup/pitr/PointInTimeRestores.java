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
import java.util.Optional;
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
 * A failure drops the new database again. A restore to the end of the archive ({@link #startToEndOfArchive}, the
 * protected server lost) skips the archiving up to now and replays every segment the archive holds.
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
    private final PitrJobOwners owners;

    PointInTimeRestores(BaseBackups baseBackups, PgBackRest tool, PitrViews views, PgTools tools, PitrEvents events,
                        TaskExecutor backupTasks, Clock clock, PitrJobOwners owners) {
        this.owners = owners;
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
        requireSetUpFor(database);
        String restoreId = begin(database, toTime, targetDatabase, actor);
        runLater(restoreId, database, new Target(toTime, false, null), targetDatabase, actor);
        return new PitrRestoreAccepted(restoreId, database, targetDatabase, toTime, false, "RUNNING");
    }

    /**
     * The day the protected server is lost with the WAL it had not archived yet: {@code database} as the archive last
     * holds it, replayed from the newest base backup of the tier whose archive reaches furthest (or of {@code from}),
     * into {@code targetDatabase} on the server {@code dr.backup.pitr} names (a replacement server, once it is
     * pointed there). Nothing is asked of the lost server: no WAL archived up to now, and the base backups are
     * listed from the tiers themselves, not from this service's read model (which a restore of the command centre
     * may have taken back to an older state). The target may bear the protected database's own name, which is
     * what an application finds on a replacement server, and may exist there if it is empty (no table: as a
     * replacement's setup makes it, owned by the application's role); the database is copied under a name of its
     * own and takes the target's name, owner and the copy's grants only once it is counted and checked, so that
     * nothing reads or writes a half-made copy and a failure leaves the target as it was. A database that holds a
     * table is never replaced. The restored event's {@code reachedAt} says how far the archive reached: what was
     * committed after it is the data lost.
     */
    public PitrRestoreAccepted startToEndOfArchive(String database, String targetDatabase, String from, String actor) {
        requireSetUpFor(database);
        Instant now = clock.instant();
        requireNewOrEmpty(restoresInto(true), targetDatabase);
        String restoreId = recordStart(new PointInTimeRestoreStartedEvent(restoreId(), database, targetDatabase, now,
                true, actor, now));
        runLater(restoreId, database, new Target(now, true, from), targetDatabase, actor);
        return new PitrRestoreAccepted(restoreId, database, targetDatabase, now, true, "RUNNING");
    }

    /** Runs the recorded restore off this thread; one that cannot be handed over is recorded as failed, and refused. */
    private void runLater(String restoreId, String database, Target target, String targetDatabase, String actor) {
        try {
            tasks.execute(() -> run(restoreId, database, target, targetDatabase, actor));
        } catch (RuntimeException rejected) {
            // TaskRejectedException: every backup task is taken and its queue full
            try {
                events.publish(new PointInTimeRestoreFailedEvent(restoreId, database, targetDatabase, target.toTime(),
                        "not started: " + rejected.getMessage(), actor, clock.instant()));
            } finally {
                owners.releaseQuietly(restoreId);
            }
            throw new PgBackRestException("the restore could not be started (" + rejected.getMessage() + "): send it "
                    + "again later");
        }
    }

    private void requireSetUpFor(String database) {
        if (!baseBackups.enabled() || !baseBackups.database().equals(database)) {
            throw new PitrRefusedException("point-in-time recovery is not set up for " + database
                    + " (dr.backup.pitr.enabled, dr.backup.pitr.database)");
        }
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
        run(restoreId, scratchDatabase, new Target(toTime, false, null), targetDatabase, actor);
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
        requireNew(restoresInto(false), targetDatabase);
        return recordStart(new PointInTimeRestoreStartedEvent(restoreId(), database, targetDatabase, toTime, false, actor,
                now));
    }

    /**
     * The connection a restore makes its database through: the protected database's own, or for a restore to the end
     * of the archive the server's maintenance database, {@code postgres}: on a replacement server the protected
     * database does not exist yet.
     */
    private PgTarget restoresInto(boolean toEndOfArchive) {
        PgTarget server = baseBackups.server();
        return toEndOfArchive ? server.withDatabase("postgres") : server;
    }

    /**
     * For a restore to the end of the archive: the target does not exist, or holds no table and is owned by a role
     * this service's role may act as (the restored objects are made as that role). Never a name this service copies
     * under, nor one of PostgreSQL's own databases.
     */
    private static void requireNewOrEmpty(PgTarget server, String targetDatabase) {
        if (targetDatabase.startsWith(COPY_PREFIX) || targetDatabase.startsWith(ASIDE_PREFIX)
                || List.of("postgres", "template0", "template1").contains(targetDatabase)) {
            throw new PitrRefusedException("the database " + targetDatabase + " is not one a restore may go into: "
                    + "choose another name");
        }
        try {
            Optional<PgServer.Owner> owner = PgServer.owner(server, targetDatabase);
            if (owner.isEmpty()) {
                return;
            }
            if (!owner.get().inherits()) {
                throw new PitrRefusedException("the database " + targetDatabase + " exists, owned by "
                        + owner.get().role() + ", whose privileges this service's role does not have (a member that "
                        + "inherits them may rename the database and grant on it): grant it that role, or choose a new "
                        + "name");
            }
            int tables = PgServer.tables(server, targetDatabase);
            if (tables > 0) {
                throw new PitrRefusedException("the database " + targetDatabase + " exists and holds " + tables
                        + " table(s): a restore to the end of the archive goes into a new or an empty database, never "
                        + "over data; choose a new name");
            }
        } catch (SQLException e) {
            throw unanswered(targetDatabase, e);
        }
    }

    /** The server did not answer (503), or answered with a refusal about the target (409). */
    private static RuntimeException unanswered(String targetDatabase, SQLException e) {
        // SQLSTATE class 08: the connection itself failed; 28: this service's credentials were refused
        String state = e.getSQLState();
        if (state == null || state.startsWith("08") || state.startsWith("28")) {
            return new PgBackRestException("the server restores go into cannot be reached: " + e.getMessage());
        }
        return new PitrRefusedException("the database " + targetDatabase + " cannot be checked: " + e.getMessage());
    }

    private static void requireNew(PgTarget server, String targetDatabase) {
        try {
            if (PgServer.exists(server, targetDatabase)) {
                throw new PitrRefusedException("the database " + targetDatabase + " exists: choose a new name");
            }
        } catch (SQLException e) {
            throw unanswered(targetDatabase, e);
        }
    }

    private static String restoreId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Records the start, the restore this instance's first ({@link PitrJobOwners}); refuses (nothing stored) while a
     * restore into the same database runs.
     */
    private String recordStart(PointInTimeRestoreStartedEvent started) {
        owners.own(started.restoreId());
        try {
            events.publish(started);
        } catch (RuntimeException e) {
            owners.releaseQuietly(started.restoreId());
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("pitr_restore_running_target")) {
                    throw new PitrRefusedException("a restore into " + started.targetDatabase() + " is running");
                }
            }
            throw e;
        }
        return started.restoreId();
    }

    /**
     * A restore left RUNNING by an instance that stopped (its lease ran out): recorded as failed with {@code cause};
     * then (a restore to the end of the archive) its copy under a name of its own is dropped, unless it was counted
     * and checked already, which is kept and named, as is a target it had renamed aside. A restore to an instant may
     * have left part of its copy in its target, which the failure names. Nothing is dropped when the restore turns out
     * to have ended meanwhile (its failure refused, {@link PitrProjection}).
     */
    public void failInterrupted(PitrRestoreView restore, String cause, String actor) throws SQLException {
        String reason = cause;
        String copy = copyName(restore.restoreId());
        String aside = asideName(restore.restoreId());
        PgTarget server = restoresInto(true);
        boolean counted = false;
        if (restore.toEndOfArchive()) {
            counted = PgServer.mark(server, copy).filter(COUNTED::equals).isPresent();
            if (counted) {
                reason += "; its copy, counted and checked, is kept as " + copy + ": rename it to "
                        + restore.targetDatabase() + " once that name is free";
            }
            if (PgServer.exists(server, aside)) {
                reason += "; the empty " + restore.targetDatabase() + " it was replacing is named " + aside
                        + ": rename it back, or drop it";
            }
        } else {
            reason += "; " + restore.targetDatabase() + " may hold part of the copy: drop it before restoring into it "
                    + "again";
        }
        events.publish(new PointInTimeRestoreFailedEvent(restore.restoreId(), restore.database(),
                restore.targetDatabase(), restore.toTime(), reason, actor, clock.instant()));
        if (restore.toEndOfArchive() && !counted) {
            dropQuietly(server, copy);
        }
    }

    /** The note on a copy once its rows were counted equal to the recovered cluster's and the checks ran. */
    private static final String COUNTED = "drcc: a restore's copy, counted and checked";

    private static final String COPY_PREFIX = "pitr_restoring_";
    private static final String ASIDE_PREFIX = "pitr_replaced_";

    /** The name a restore to the end of the archive copies under, until the copy takes the target's. */
    private static String copyName(String restoreId) {
        return COPY_PREFIX + restoreId.substring(0, 8);
    }

    /** The name an empty target is set aside under while the copy takes its name. */
    private static String asideName(String restoreId) {
        return ASIDE_PREFIX + restoreId.substring(0, 8);
    }

    /**
     * What a restore replays to: the instant {@code toTime}, or ({@code toEndOfArchive}) all the archive holds, read
     * from the tier {@code from} (null: the one whose archive reaches furthest); {@code toTime} is then when it was asked.
     */
    private record Target(Instant toTime, boolean toEndOfArchive, String from) {
    }

    private void run(String restoreId, String database, Target target, String targetDatabase, String actor) {
        PgTarget server = restoresInto(target.toEndOfArchive());
        Instant toTime = target.toTime();
        boolean created = false;
        String into = targetDatabase;
        try (ScratchCluster scratch = ScratchCluster.allocate()) {
            if (target.toEndOfArchive()) {
                baseBackups.configForRestore();
            }
            Chosen chosen = target.toEndOfArchive() ? furthestArchive(target.from()) : archiveUpToNow(server, toTime);
            // pgBackRest writes this --repo into the restore_command it leaves in the cluster (seen with 2.45), so the
            // WAL is fetched from the chosen tier alone: a lost primary's endpoint that never answers is not asked
            // first for every segment
            List<String> options = new ArrayList<>(List.of("--repo=" + chosen.repo().number(),
                    "--set=" + chosen.backup().label(), "--pg1-path=" + scratch.dataDir()));
            if (target.toEndOfArchive()) {
                // replays every segment the archive holds, then promotes
                options.add("--type=default");
            } else {
                options.addAll(List.of("--type=time", "--target=" + TARGET.format(toTime.truncatedTo(ChronoUnit.MICROS)),
                        "--target-action=promote"));
            }
            options.add("--archive-mode=off");
            // the scratch cluster is on this machine, even where the protected server is another (pg1-host)
            options.add("--reset-pg1-host");
            tool.run(RESTORE_TIMEOUT, "restore", options.toArray(String[]::new));
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
            // no commit replayed after the base backup: the data is from the backup's end
            Instant reachedAt = Optional.ofNullable(scratch.lastReplayedCommit()).orElse(chosen.backup().consistentAt());
            PgTarget recovered = scratch.database(database);
            Map<String, Long> counts = rowCounts(recovered);
            // to the end of the archive: copied under a name of its own, the target's once counted and checked
            into = target.toEndOfArchive() ? copyName(restoreId) : targetDatabase;
            Optional<PgServer.Owner> existing = target.toEndOfArchive()
                    ? PgServer.owner(server, targetDatabase) : Optional.empty();
            String owner = existing.map(PgServer.Owner::role).orElse(null);
            PgServer.create(server, into, owner);
            created = true;
            copy(recovered, server.withDatabase(into), owner);
            Map<String, Long> restored = rowCounts(server.withDatabase(into));
            if (!restored.equals(counts)) {
                throw new PgBackRestException("the row counts of " + targetDatabase + " " + restored
                        + " differ from the recovered cluster's " + counts);
            }
            long rows = counts.values().stream().mapToLong(Long::longValue).sum();
            List<String> failing = applicationChecks(server.withDatabase(into));
            if (!into.equals(targetDatabase)) {
                PgServer.mark(server, into, COUNTED);
            }
            boolean owned;
            try {
                owned = owners.stillOwns(restoreId);
            } catch (RuntimeException unknown) {
                throw new CopyKeptException("the restored copy is kept as " + into + " (counted and checked): whether "
                        + "this instance still runs the restore could not be read (" + unknown.getMessage() + ")");
            }
            if (!owned) {
                // this instance's lease ran out meanwhile, and the orphans' sweep may have recorded it as interrupted
                throw new CopyKeptException("this backup-service instance's lease ran out while the restore ran: the "
                        + "restored copy is kept as " + into + " (counted and checked), not made " + targetDatabase);
            }
            if (!into.equals(targetDatabase)) {
                takeName(server, into, targetDatabase, restoreId, existing.isPresent());
                into = targetDatabase;
                created = false;
            }
            events.publish(new PointInTimeRestoredEvent(restoreId, database, targetDatabase, toTime, reachedAt, label,
                    chosen.repo().tier(), counts.size(), rows, AppChecks.CHECKS.size(), failing, actor, clock.instant()));
            log.info("Restored {} as at {} into {} from the {} tier (last commit replayed at {})", database,
                    target.toEndOfArchive() ? "the end of the archive" : toTime, targetDatabase, chosen.repo().tier(),
                    reachedAt);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Restore of {} to {} into {} failed: {}", database,
                    target.toEndOfArchive() ? "the end of the archive" : toTime, targetDatabase, e.getMessage());
            if (created && !(e instanceof CopyKeptException)) {
                dropQuietly(server, into);
            }
            try {
                events.publish(new PointInTimeRestoreFailedEvent(restoreId, database, targetDatabase, toTime,
                        String.valueOf(e.getMessage()), actor, clock.instant()));
            } catch (RuntimeException notRecorded) {
                // it ended already (the orphans' sweep recorded it), or the service's database is away
                log.warn("The failure of restore {} not recorded: {}", restoreId, notRecorded.getMessage());
            }
        } finally {
            owners.releaseQuietly(restoreId);
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
     * For a restore to the end of the archive: of the tiers that answer with a base backup (only {@code from}, when
     * named), the one whose archive holds the newest WAL segment, the first in the tiers' order on a tie. The tiers
     * receive the same WAL, but one lost meanwhile, or behind when the server went, holds less.
     */
    private Chosen furthestArchive(String from) {
        Chosen furthest = null;
        String furthestSegment = null;
        List<String> passedOver = new ArrayList<>();
        for (Chosen candidate : candidates(clock.instant(), from)) {
            try {
                String segment = baseBackups.newestArchivedSegment(candidate.repo());
                if (furthest == null || segment.compareTo(furthestSegment) > 0) {
                    furthest = candidate;
                    furthestSegment = segment;
                }
            } catch (PgBackRestException e) {
                passedOver.add(candidate.repo().tier() + ": " + e.getMessage());
            }
        }
        if (furthest == null) {
            throw new PgBackRestException("no tier's WAL archive answered: " + String.join("; ", passedOver));
        }
        log.info("Restoring to the end of the archive from the {} tier: base backup {}, WAL up to segment {}{}",
                furthest.repo().tier(), furthest.backup().label(),
                furthestSegment.isEmpty() ? "(none)" : furthestSegment,
                passedOver.isEmpty() ? "" : " (passed over: " + String.join("; ", passedOver) + ")");
        return furthest;
    }

    /**
     * For each tier whose repository answers (primary, secondary, tertiary), its newest base backup consistent before
     * the instant: the WAL is in all three, so any of them can restore; at least one, else the reasons for each.
     */
    private List<Chosen> candidates(Instant toTime) {
        return candidates(toTime, null);
    }

    /** The candidates of {@link #candidates(Instant)} in the tier {@code from} alone (null: every tier). */
    private List<Chosen> candidates(Instant toTime, String from) {
        List<Chosen> candidates = new ArrayList<>();
        List<String> passedOver = new ArrayList<>();
        for (Repository repo : baseBackups.repositories()) {
            if (from != null && !repo.tier().equals(from)) {
                continue;
            }
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

    /**
     * The copy {@code restored} takes the name {@code target}. An empty database of that name ({@code replacing}) is
     * first renamed aside (which PostgreSQL refuses while anyone is connected to it), checked again to be empty, and
     * dropped once the copy has its name and its database-level privileges; anything that fails on the way puts the
     * target back and keeps the copy, counted and checked, under its own name for the operator.
     */
    private static void takeName(PgTarget server, String restored, String target, String restoreId, boolean replacing)
            throws SQLException {
        String aside = asideName(restoreId);
        try {
            if (replacing) {
                PgServer.copyAccess(server, target, restored);
                PgServer.rename(server, target, aside);
            }
        } catch (SQLException e) {
            throw new CopyKeptException("the restored copy is kept as " + restored + " (counted and checked): " + target
                    + " could not be replaced (" + e.getMessage() + "); once that is mended (say, nothing connected "
                    + "to " + target + " any more), drop it and rename " + restored + " to " + target);
        }
        try {
            int tables = replacing ? PgServer.tables(server, aside) : 0;
            if (tables > 0) {
                throw new CopyKeptException("the restored copy is kept as " + restored + ": " + target + " was given "
                        + tables + " table(s) while the restore ran and is left as it was");
            }
            PgServer.rename(server, restored, target);
        } catch (SQLException | RuntimeException e) {
            String back = "";
            if (replacing) {
                try {
                    PgServer.rename(server, aside, target);
                } catch (SQLException notBack) {
                    log.error("{} could not be renamed back to {}: {}", aside, target, notBack.getMessage());
                    back = "; " + target + " is now named " + aside + " (" + notBack.getMessage() + "): rename it back";
                }
            }
            String message = e instanceof CopyKeptException kept ? kept.getMessage() : "the restored copy is kept as "
                    + restored + " (counted and checked): it could not take the name " + target + " ("
                    + e.getMessage() + ")";
            CopyKeptException failure = new CopyKeptException(message + back);
            failure.initCause(e);
            throw failure;
        }
        if (replacing) {
            dropQuietly(server, aside);
        }
    }

    /** A restore's copy, complete, that could not take its target's name: kept, not dropped, and named. */
    private static final class CopyKeptException extends PgBackRestException {

        CopyKeptException(String message) {
            super(message);
        }
    }

    /** A copy of {@code from} into {@code to}; with an {@code owner}, made as that role and with the copy's grants. */
    private void copy(PgTarget from, PgTarget to, String owner) throws IOException, InterruptedException {
        try (ToolProcess dump = tools.dump(from); ToolProcess restore = tools.restoreFromStdin(to, owner)) {
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
