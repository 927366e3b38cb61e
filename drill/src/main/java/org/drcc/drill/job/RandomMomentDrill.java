package org.drcc.drill.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.drill.backup.AppChecks;
import org.drcc.drill.backup.BackupDesk;
import org.drcc.drill.backup.BackupDesk.InstantRestore;
import org.drcc.drill.backup.BackupDesk.Mismatch;
import org.drcc.drill.backup.BackupDesk.Tier;
import org.drcc.drill.backup.BackupRecord;
import org.drcc.drill.command.DrillScenario;
import org.drcc.drill.command.FinishDrillCommand;
import org.drcc.drill.command.Measurement;
import org.drcc.drill.command.RecordDrillStepCommand;
import org.drcc.drill.incident.IncidentApi;
import org.drcc.drill.incident.IncidentDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The random-moment drill ({@code point-in-time-recovery}): orders are placed on a scratch copy of the protected
 * database, one transaction each, after its newest dump; at a random moment amid them the copy is corrupted (the
 * database-corruption damage) while orders go on; the copy is restored through point-in-time recovery to the instant
 * just before that moment, which the incident flow would offer. It passes when every order committed before the
 * moment is there, none after it, and the application's checks pass. A dump-based restore would have lost every one
 * of those orders. It exercises the repair, not the incident: no incident is declared, RTO runs from the damage found
 * to the database restored, RPO from the damage back to the last commit replayed.
 */
@Component
class RandomMomentDrill {

    private static final Logger log = LoggerFactory.getLogger(RandomMomentDrill.class);
    /** How long orders are placed; the damage falls in its middle half. */
    static final Duration WRITING = Duration.ofSeconds(6);

    private final CommandGateway commands;
    private final IncidentDesk desk;
    private final BackupReadiness readiness;
    private final DrillDatabases dbs;
    private final BackupDesk backups;
    private final DrillProperties properties;
    private final DrillReports reports;
    private final Clock clock;

    RandomMomentDrill(CommandGateway commands, IncidentDesk desk, BackupReadiness readiness, DrillDatabases dbs,
                      BackupDesk backups, DrillProperties properties, DrillReports reports, Clock clock) {
        this.commands = commands;
        this.desk = desk;
        this.readiness = readiness;
        this.dbs = dbs;
        this.backups = backups;
        this.properties = properties;
        this.reports = reports;
        this.clock = clock;
    }

    /** What one run has found so far. */
    private static final class Run {
        IncidentApi.ScenarioTargets targets;
        BackupRecord dump;
        Orders orders;
        Instant foundAt;
        Instant toTime;
        InstantRestore restore;
        Instant restoredAt;
    }

    void run(String drillId, String actor) {
        StepRecorder steps = new StepRecorder(commands, clock, drillId);
        String prefix = DrillDatabases.PREFIX + drillId.replace("-", "").substring(0, 12);
        String site = prefix + "_site";
        String target = prefix + "_repaired";
        Run run = new Run();
        String failure = null;
        try {
            backups.requireProtected(properties.database());
            exercise(steps, run, site, target, actor);
        } catch (StepRecorder.StepFailed e) {
            failure = e.getMessage();
        } catch (Exception e) {
            failure = "the drill stopped: " + e;
            log.error("Drill {} stopped", drillId, e);
        }
        Instant dropping = clock.instant();
        List<String> left = dbs.dropAll(List.of(site, target));
        commands.sendAndWait(new RecordDrillStepCommand(drillId, "scratch databases dropped", left.isEmpty(),
                left.isEmpty() ? site + ", " + target + " dropped"
                        : "could not drop " + left + ": marked for cleanup at the next start", dropping, clock.instant()));
        commands.sendAndWait(new FinishDrillCommand(drillId, failure, measure(run), left, clock.instant()));
        reports.store(drillId);
    }

    private void exercise(StepRecorder steps, Run run, String site, String target, String actor) {
        String db = properties.database();
        steps.run("targets read", () -> {
            run.targets = desk.targets(DrillScenario.DATABASE_CORRUPTION.id());
            return "the plan's database-corruption: RTO " + run.targets.rto() + ", RPO " + run.targets.rpo();
        });
        steps.run("point-in-time recovery ready", () -> {
            Optional<Instant> from = backups.restorableFrom(db);
            if (from.isEmpty()) {
                backups.takeBaseBackup(actor);
                from = backups.restorableFrom(db);
            }
            return "the WAL of " + db + "'s server is archived; restorable from " + from.orElseThrow(() ->
                    new IllegalStateException("point-in-time recovery of " + db + " is not set up, or its base "
                            + "backup failed (dr.backup.pitr.*; GET /api/base-backups)"));
        });
        steps.run("backup ready", () -> {
            run.dump = readiness.ready(db, run.targets.rpo(), false, actor);
            return "the newest dump, backup " + run.dump.backupId() + " of " + db + ", restore point "
                    + run.dump.snapshotAt() + ", verified by restore";
        });
        steps.run("scratch copy made", () -> {
            dbs.restore(run.dump.backupId(), Tier.PRIMARY, site);
            Optional<Mismatch> diff = backups.compare(run.dump.backupId(), site);
            if (diff.isPresent()) {
                throw new IllegalStateException("the copy differs from its backup: " + diff.get().detail());
            }
            return site + " restored from backup " + run.dump.backupId() + ". The protected database " + db
                    + " is not touched.";
        });
        steps.run("damage done at a random moment", () -> {
            run.orders = writeAndDamage(site);
            Orders o = run.orders;
            return o.before() + o.after() + " orders placed on " + site + " (one transaction each) after the dump's "
                    + "restore point " + run.dump.snapshotAt() + "; at " + o.damageAt() + ", a random moment "
                    + o.before() + " orders in: " + Damage.describe(DrillScenario.DATABASE_CORRUPTION) + "; "
                    + o.after() + " orders placed after it. A restore from the dump would lose all " + o.before()
                    + " orders committed before the damage.";
        });
        steps.run("impact assessed", () -> {
            List<String> failing = AppChecks.failing(dbs.connect(site));
            if (failing.isEmpty()) {
                throw new IllegalStateException("the damage was not detected");
            }
            run.foundAt = clock.instant();
            return "application checks failing: " + failing;
        });
        steps.run("restore point chosen", () -> {
            run.toTime = backups.instantBefore(run.orders.damageAt()).orElseThrow(() -> new IllegalStateException(
                    "the WAL archive does not reach back to " + run.orders.damageAt()));
            return "point in time " + run.toTime + ", just before the damage at " + run.orders.damageAt()
                    + " (not the dump's " + run.dump.snapshotAt() + ")";
        });
        steps.run("restored to the instant", () -> {
            run.restore = backups.restoreToInstant(site, run.toTime, target, actor);
            if (!run.restore.restored()) {
                throw new IllegalStateException("the restore to " + run.toTime + " failed: " + run.restore.failure());
            }
            run.restoredAt = clock.instant();
            InstantRestore r = run.restore;
            return site + " as at " + run.toTime + " restored into " + target + " from base backup "
                    + r.baseBackupLabel() + " and the archived WAL: asked " + run.toTime + ", reached " + r.reachedAt()
                    + " (the last commit replayed, " + Duration.between(r.reachedAt(), run.toTime).toMillis()
                    + " ms before the instant asked); " + r.tables() + " tables, " + r.rows() + " rows counted alike";
        });
        steps.run("orders checked", () -> checkOrders(run, target));
        steps.run("application checks", () -> {
            List<String> failing = AppChecks.failing(dbs.connect(target));
            if (!failing.isEmpty() || !run.restore.checksFailing().isEmpty()) {
                throw new IllegalStateException("failing application checks: " + failing + " "
                        + run.restore.checksFailing());
            }
            return "all " + AppChecks.CHECKS.size() + " pass: " + String.join("; ", AppChecks.CHECKS.keySet());
        });
    }

    /** Orders placed: {@code before} the damage (ids from {@code firstId}), {@code after} it; the damage's instant. */
    record Orders(long firstId, int before, int after, Instant damageAt, Instant lastBeforePlacedAt) {
    }

    /**
     * Places one order a transaction (an order and its line, its total their sum) on one connection for
     * {@link #WRITING}, and corrupts the copy at a random moment in its middle half on the same connection: every
     * order committed before the damage's instant (the server's clock) was committed before it, every later one after.
     */
    private Orders writeAndDamage(String site) throws SQLException {
        try (Connection c = dbs.connect(site); Statement s = c.createStatement()) {
            long firstOrder = single(s, "SELECT coalesce(max(id), 0) + 1 FROM customer_order");
            long firstLine = single(s, "SELECT coalesce(max(id), 0) + 1 FROM order_line");
            long template = single(s, "SELECT min(id) FROM customer_order");
            long item = single(s, "SELECT min(id) FROM menu_item");
            long damageAfterNanos = WRITING.toNanos() / 4 + ThreadLocalRandom.current().nextLong(WRITING.toNanos() / 2);
            c.setAutoCommit(false);
            try (PreparedStatement order = c.prepareStatement("INSERT INTO customer_order (id, customer_id, truck_id, "
                    + "location_id, status, total, ordered_at) SELECT ?, customer_id, truck_id, location_id, 'PLACED', "
                    + "(SELECT 2 * price FROM menu_item WHERE id = ?), clock_timestamp() FROM customer_order WHERE id = ? "
                    + "RETURNING ordered_at");
                 PreparedStatement line = c.prepareStatement("INSERT INTO order_line (id, order_id, menu_item_id, "
                         + "quantity, unit_price) SELECT ?, ?, id, 2, price FROM menu_item WHERE id = ?")) {
                long start = System.nanoTime();
                int placed = 0;
                int before = -1;
                Instant damageAt = null;
                Instant lastBefore = null;
                while (System.nanoTime() - start < WRITING.toNanos()) {
                    if (before < 0 && System.nanoTime() - start >= damageAfterNanos) {
                        before = placed;
                        damageAt = instant(s, "SELECT clock_timestamp()");
                        for (String sql : Damage.sql(DrillScenario.DATABASE_CORRUPTION)) {
                            s.execute(sql);
                        }
                        c.commit();
                        continue;
                    }
                    order.setLong(1, firstOrder + placed);
                    order.setLong(2, item);
                    order.setLong(3, template);
                    Instant placedAt;
                    try (ResultSet rs = order.executeQuery()) {
                        rs.next();
                        placedAt = rs.getTimestamp(1).toInstant();
                    }
                    line.setLong(1, firstLine + placed);
                    line.setLong(2, firstOrder + placed);
                    line.setLong(3, item);
                    line.executeUpdate();
                    c.commit();
                    if (before < 0) {
                        lastBefore = placedAt;
                    }
                    placed++;
                    Thread.sleep(10);
                }
                if (before <= 0 || placed == before) {
                    throw new IllegalStateException("too few orders around the damage: " + before + " before, "
                            + (placed - before) + " after");
                }
                return new Orders(firstOrder, before, placed - before, damageAt, lastBefore);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while placing orders", e);
            }
        }
    }

    /** Exactly the orders committed before the damage, each with its total intact, and none after it. */
    private String checkOrders(Run run, String target) throws SQLException {
        Orders o = run.orders;
        List<Long> found = new ArrayList<>();
        try (Connection c = dbs.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM customer_order WHERE id >= " + o.firstId() + " ORDER BY id")) {
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long id = o.firstId(); id < o.firstId() + o.before(); id++) {
            expected.add(id);
        }
        if (!found.equals(expected)) {
            List<Long> lost = new ArrayList<>(expected);
            lost.removeAll(found);
            List<Long> extra = new ArrayList<>(found);
            extra.removeAll(expected);
            throw new IllegalStateException("orders committed before the damage and lost: " + lost
                    + "; orders placed after it and present: " + extra);
        }
        if (run.restore.reachedAt().isBefore(o.lastBeforePlacedAt()) || run.restore.reachedAt().isAfter(run.toTime)) {
            throw new IllegalStateException("the last commit replayed, " + run.restore.reachedAt()
                    + ", is not between the last order before the damage (" + o.lastBeforePlacedAt() + ") and "
                    + run.toTime);
        }
        return (o.before() + o.after()) + " orders checked: all " + o.before() + " committed before the damage are "
                + "there, none of the " + o.after() + " placed after it; no committed row lost";
    }

    /** RTO: the damage found to the database restored; RPO: the damage back to the last commit replayed. */
    private Measurement measure(Run run) {
        Duration rtoTarget = run.targets == null ? null : run.targets.rto();
        Duration rpoTarget = run.targets == null ? null : run.targets.rpo();
        if (run.restore == null || !run.restore.restored()) {
            return new Measurement(null, null, null, rtoTarget, null, rpoTarget);
        }
        return new Measurement(run.restore.baseBackupLabel(), run.restore.reachedAt(),
                Duration.between(run.foundAt, run.restoredAt), rtoTarget,
                Duration.between(run.restore.reachedAt(), run.orders.damageAt()), rpoTarget);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Instant instant(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
