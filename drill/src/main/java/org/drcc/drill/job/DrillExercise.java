package org.drcc.drill.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.contract.incident.Phase;
import org.drcc.drill.backup.AppChecks;
import org.drcc.drill.backup.BackupDesk;
import org.drcc.drill.backup.BackupDesk.Mismatch;
import org.drcc.drill.backup.BackupDesk.Tier;
import org.drcc.drill.backup.BackupRecord;
import org.drcc.drill.command.DrillScenario;
import org.drcc.drill.command.FinishDrillCommand;
import org.drcc.drill.command.Measurement;
import org.drcc.drill.command.RecordDrillIncidentCommand;
import org.drcc.drill.command.RecordDrillStepCommand;
import org.drcc.drill.incident.DrillDeed;
import org.drcc.drill.incident.IncidentApi;
import org.drcc.drill.incident.IncidentDesk;
import org.drcc.recovery.RecoveryRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One drill, start to end, on scratch databases only: a copy of the protected database is made from a
 * verified backup, broken as the scenario says, and repaired by the plan's procedure while a real incident
 * (marked as a drill) walks through its phases. RTO and RPO are read back from that incident.
 */
@Component
class DrillExercise {

    private static final Logger log = LoggerFactory.getLogger(DrillExercise.class);

    private final CommandGateway commands;
    private final IncidentDesk desk;
    private final BackupReadiness readiness;
    private final DrillDatabases dbs;
    private final BackupDesk backups;
    private final DrillProperties properties;
    private final DrillReports reports;
    private final Clock clock;

    DrillExercise(CommandGateway commands, IncidentDesk desk, BackupReadiness readiness, DrillDatabases dbs,
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
        BackupRecord ready;
        Instant damageAt;
        String incidentId;
        BackupRecord chosen;
        boolean closed;
    }

    void run(String drillId, DrillScenario scenario, String actor) {
        StepRecorder steps = new StepRecorder(commands, clock, drillId);
        String prefix = DrillDatabases.PREFIX + drillId.replace("-", "").substring(0, 12);
        String site = prefix + "_site";
        String target = scenario == DrillScenario.ACCIDENTAL_DATA_DELETION ? site
                : prefix + (scenario.restoresFromTertiary() ? "_drsite" : "_repaired");
        Run run = new Run();
        String failure = null;
        boolean protectedDb = false;
        try {
            backups.requireProtected(properties.database());
            protectedDb = true;
            exercise(steps, run, scenario, drillId, actor, site, target);
        } catch (StepRecorder.StepFailed e) {
            failure = e.getMessage();
        } catch (Exception e) {
            failure = "the drill stopped: " + e;
            log.error("Drill {} stopped", drillId, e);
        }
        if (failure != null && run.incidentId != null && !run.closed) {
            cancelQuietly(run.incidentId, failure);
        }
        List<String> left = protectedDb ? cleanUp(drillId, site.equals(target) ? List.of(site) : List.of(site, target))
                : List.of();
        commands.sendAndWait(new FinishDrillCommand(drillId, failure, measure(run), left, clock.instant()));
        reports.store(drillId);
    }

    private void exercise(StepRecorder steps, Run run, DrillScenario scenario, String drillId, String actor,
                          String site, String target) {
        String db = properties.database();
        steps.run("targets read", () -> {
            run.targets = desk.targets(scenario.id());
            return "the plan's " + scenario.id() + ": RTO " + run.targets.rto() + ", RPO " + run.targets.rpo();
        });
        steps.run("backup ready", () -> {
            run.ready = readiness.ready(db, run.targets.rpo(), scenario.restoresFromTertiary(), actor);
            return "backup " + run.ready.backupId() + " of " + db + ", restore point " + run.ready.snapshotAt()
                    + ", verified by restore";
        });
        List<TableChecksum> original = backups.manifest(run.ready.backupId());
        steps.run("scratch copy made", () -> {
            dbs.restore(run.ready.backupId(), Tier.PRIMARY, site);
            Optional<Mismatch> diff = backups.compare(run.ready.backupId(), site);
            if (diff.isPresent()) {
                throw new IllegalStateException("the copy differs from its backup: " + diff.get().detail());
            }
            return site + " restored from backup " + run.ready.backupId() + "; its " + original.size()
                    + " tables match the manifest. The protected database " + db + " is not touched.";
        });
        steps.run("damage done", () -> {
            run.damageAt = clock.instant();
            if (scenario.restoresFromTertiary()) {
                dbs.dropAll(List.of(site));
            } else {
                dbs.execute(site, Damage.sql(scenario).toArray(String[]::new));
            }
            return "at " + run.damageAt + " on " + site + ": " + Damage.describe(scenario);
        });
        steps.run("incident declared", () -> {
            run.incidentId = desk.declare(scenario.id(), "Drill: " + scenario.id(),
                    "Automated DR drill " + drillId + " on a scratch copy of " + db + ".", clock.instant(), run.damageAt);
            commands.sendAndWait(new RecordDrillIncidentCommand(drillId, run.incidentId, clock.instant()));
            desk.lead(run.incidentId, properties.actor());
            return "incident " + run.incidentId + " (a drill), suspected start of damage " + run.damageAt
                    + ", DR lead " + properties.actor();
        });
        List<String> affected = new ArrayList<>();
        String impact = steps.run("impact assessed", () -> assess(scenario, site, original, affected));
        tick(run, Phase.ASSESSMENT, Map.of(DrillDeed.INCIDENT_DECLARED, "drill " + drillId,
                DrillDeed.IMPACT_ASSESSED, impact, DrillDeed.DOCUMENTATION_STARTED, "drill record " + drillId));
        desk.advance(run.incidentId, "assess", impact);
        steps.run("restore point chosen", () -> {
            run.chosen = restorePoint(db, run.damageAt, scenario.restoresFromTertiary());
            return "backup " + run.chosen.backupId() + ", restore point " + run.chosen.snapshotAt()
                    + ", the newest verified backup before the damage at " + run.damageAt;
        });
        tick(run, Phase.CONTAINMENT, Map.of(
                DrillDeed.SYSTEMS_ISOLATED, "the damaged copy " + site + " is out of use",
                DrillDeed.BACKUPS_SECURED, "backup " + run.chosen.backupId() + " verified by restore; the incident holds it",
                DrillDeed.DR_ENVIRONMENT_PREPARED, "restore target " + target + " on the PostgreSQL server",
                DrillDeed.TOOLS_READY, "pg_restore matched to the server's major version"));
        desk.advance(run.incidentId, "contain", "the damaged copy is no longer used");
        String restored = steps.run("database restored", () -> restore(scenario, run.chosen, target, affected));
        String verified = steps.run("data verified against the manifest", () -> {
            List<TableChecksum> manifest = backups.manifest(run.chosen.backupId());
            Optional<Mismatch> diff = backups.compare(run.chosen.backupId(), target);
            if (diff.isPresent()) {
                throw new IllegalStateException(diff.get().check() + ": " + diff.get().detail());
            }
            return manifest.size() + " tables: row counts and checksums match backup " + run.chosen.backupId();
        });
        tick(run, Phase.RECOVERY, Map.of(DrillDeed.DATABASE_RESTORED, restored, DrillDeed.DATA_VERIFIED, verified));
        desk.restored(run.incidentId, run.chosen.backupId(), run.chosen.snapshotAt(), restored);
        if (scenario.restoresFromTertiary()) {
            // the DR site had the tertiary tier alone: its catalogue must know the backup again, not only hold the
            // dump (after the restore is recorded: the incident's RTO is the restore's, not this check's)
            steps.run("off-site catalogue checked", () -> {
                Optional<String> problem = backups.offSiteCatalogueProblem(run.chosen.backupId());
                if (problem.isPresent()) {
                    throw new IllegalStateException(problem.get());
                }
                return "the tertiary tier's catalogue object describes backup " + run.chosen.backupId()
                        + " as recorded (dump, SHA-256, size, manifest): a site with that tier alone knows it again "
                        + "(dr backup catalog rebuild --from tertiary)";
            });
        }
        String checked = steps.run("application checks", () -> {
            List<String> failing = AppChecks.failing(dbs.connect(target));
            if (!failing.isEmpty()) {
                desk.validated(run.incidentId, false, "failing application checks: " + failing);
                throw new IllegalStateException("failing application checks: " + failing);
            }
            return "all " + AppChecks.CHECKS.size() + " pass: " + String.join("; ", AppChecks.CHECKS.keySet());
        });
        tick(run, Phase.VALIDATION, Map.of(DrillDeed.FUNCTIONAL_TESTS_PASSED, checked));
        desk.validated(run.incidentId, true, checked);
        steps.run("incident closed", () -> {
            tick(run, Phase.COMMUNICATION, Map.of());
            tick(run, Phase.POST_RECOVERY, Map.of(DrillDeed.INCIDENT_DOCUMENTED,
                    "drill " + drillId + ": GET /api/drills/" + drillId + "/report"));
            desk.advance(run.incidentId, "close", "drill " + drillId + " done");
            run.closed = true;
            return "incident " + run.incidentId + " closed";
        });
    }

    /** Ticks the items the plan names for what the drill did; the rest of the phase's mandatory ones are waived. */
    private void tick(Run run, Phase phase, Map<DrillDeed, String> done) {
        Map<String, String> items = new HashMap<>();
        done.forEach((deed, note) -> run.targets.itemFor(deed).ifPresent(id -> items.put(id, note)));
        desk.checklist(run.incidentId, phase, items);
    }

    private String assess(DrillScenario scenario, String site, List<TableChecksum> original, List<String> affected)
            throws Exception {
        if (scenario.restoresFromTertiary()) {
            if (dbs.leftOver().contains(site)) {
                throw new IllegalStateException("the site database " + site + " still exists");
            }
            return "the primary site's database " + site + " is gone: recover at the DR site from the off-site copy";
        }
        Map<String, TableChecksum> before = new java.util.HashMap<>();
        original.forEach(t -> before.put(t.table(), t));
        for (TableChecksum now : dbs.manifest(site)) {
            TableChecksum was = before.remove(now.table());
            if (was == null || was.rows() != now.rows() || !was.md5().equals(now.md5())) {
                affected.add(now.table());
            }
        }
        affected.addAll(before.keySet());
        List<String> failing = AppChecks.failing(dbs.connect(site));
        if (affected.isEmpty() && failing.isEmpty()) {
            throw new IllegalStateException("the damage was not detected");
        }
        return "tables changed: " + affected + "; application checks failing: " + failing;
    }

    private BackupRecord restorePoint(String db, Instant damageAt, boolean tertiary) {
        return backups.completed(db, true, damageAt, 20).stream()
                .filter(b -> !tertiary || readiness.tertiaryCopied(b.backupId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no verified backup of " + db + " before "
                        + damageAt + (tertiary ? " with a tertiary copy" : "")));
    }

    private String restore(DrillScenario scenario, BackupRecord backup, String target, List<String> affected)
            throws Exception {
        if (scenario == DrillScenario.ACCIDENTAL_DATA_DELETION) {
            List<String> bare = affected.stream().map(t -> t.substring(t.indexOf('.') + 1)).toList();
            String from = dbs.restoreTables(backup.backupId(), target, bare);
            return "only the affected tables " + bare + " restored into " + target + " from backup " + backup.backupId()
                    + " (" + from + ")";
        }
        String from = dbs.restore(backup.backupId(), scenario.restoresFromTertiary() ? Tier.TERTIARY : Tier.PRIMARY, target);
        return "backup " + backup.backupId() + " restored from " + from + " into "
                + (scenario.restoresFromTertiary() ? "the DR site " : "the fresh database ") + target;
    }

    /** RTO and RPO as the incident recorded them: declared to restored, and the data lost. */
    private Measurement measure(Run run) {
        Duration rtoTarget = run.targets == null ? null : run.targets.rto();
        Duration rpoTarget = run.targets == null ? null : run.targets.rpo();
        try {
            IncidentApi.Incident incident = run.incidentId == null ? null : desk.incident(run.incidentId);
            IncidentApi.RestoreEvidence restore = incident == null ? null : incident.restore();
            if (restore != null) {
                return new Measurement(restore.backupId(), restore.restorePoint(),
                        RecoveryRules.timeToRecover(incident.declaredAt(), restore.at()).orElseThrow(), rtoTarget,
                        restore.dataLoss(), rpoTarget);
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the measurements of incident {}: {}", run.incidentId, e.toString());
        }
        return new Measurement(null, null, null, rtoTarget, null, rpoTarget);
    }

    private void cancelQuietly(String incidentId, String failure) {
        try {
            desk.cancel(incidentId, "drill failed: " + failure);
        } catch (RuntimeException e) {
            log.info("Drill incident {} left open (it cannot be cancelled now): {}", incidentId, e.getMessage());
        }
    }

    /** Drops the scratch databases; any left is named on the drill and dropped at the next start. */
    private List<String> cleanUp(String drillId, List<String> scratch) {
        Instant started = clock.instant();
        List<String> left = dbs.dropAll(scratch);
        commands.sendAndWait(new RecordDrillStepCommand(drillId, "scratch databases dropped", left.isEmpty(),
                left.isEmpty() ? String.join(", ", scratch) + " dropped"
                        : "could not drop " + left + ": marked for cleanup at the next start", started, clock.instant()));
        return left;
    }
}
