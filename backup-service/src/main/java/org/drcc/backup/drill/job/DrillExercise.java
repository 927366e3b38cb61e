package org.drcc.backup.drill.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.config.S3Properties;
import org.drcc.backup.drill.command.DrillScenario;
import org.drcc.backup.drill.command.FinishDrillCommand;
import org.drcc.backup.drill.command.Measurement;
import org.drcc.backup.drill.command.RecordDrillIncidentCommand;
import org.drcc.backup.drill.command.RecordDrillStepCommand;
import org.drcc.backup.drill.config.DrillProperties;
import org.drcc.backup.job.CheckFailure;
import org.drcc.backup.job.ManifestCheck;
import org.drcc.backup.job.Policies;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.contract.backup.TableChecksum;
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
    private final Backups backups;
    private final Policies policies;
    private final S3Properties s3;
    private final DrillProperties properties;
    private final DrillReports reports;
    private final Clock clock;

    DrillExercise(CommandGateway commands, IncidentDesk desk, BackupReadiness readiness, DrillDatabases dbs,
                  Backups backups, Policies policies, S3Properties s3, DrillProperties properties, DrillReports reports,
                  Clock clock) {
        this.commands = commands;
        this.desk = desk;
        this.readiness = readiness;
        this.dbs = dbs;
        this.backups = backups;
        this.policies = policies;
        this.s3 = s3;
        this.properties = properties;
        this.reports = reports;
        this.clock = clock;
    }

    /** What one run has found so far. */
    private static final class Run {
        ScenarioTargets targets;
        String incidentId;
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
        PgTarget server = null;
        try {
            server = policies.target(properties.database());
            exercise(steps, run, scenario, drillId, actor, server, site, target);
        } catch (StepRecorder.StepFailed e) {
            failure = e.getMessage();
        } catch (Exception e) {
            failure = "the drill stopped: " + e;
            log.error("Drill {} stopped", drillId, e);
        }
        if (failure != null && run.incidentId != null && !run.closed) {
            cancelQuietly(run.incidentId, failure);
        }
        List<String> left = server == null ? List.of() : cleanUp(drillId, server, site.equals(target)
                ? List.of(site) : List.of(site, target));
        commands.sendAndWait(new FinishDrillCommand(drillId, failure, measure(run), left, clock.instant()));
        reports.store(drillId);
    }

    private void exercise(StepRecorder steps, Run run, DrillScenario scenario, String drillId, String actor,
                          PgTarget server, String site, String target) {
        String db = properties.database();
        steps.run("targets read", () -> {
            run.targets = desk.targets(scenario.id());
            return "the plan's " + scenario.id() + ": RTO " + run.targets.rto() + ", RPO " + run.targets.rpo();
        });
        BackupSummary[] ready = new BackupSummary[1];
        steps.run("backup ready", () -> {
            ready[0] = readiness.ready(db, run.targets.rpo(), scenario.restoresFromTertiary(), actor);
            return "backup " + ready[0].backupId() + " of " + db + ", restore point " + ready[0].snapshotAt()
                    + ", verified by restore";
        });
        List<TableChecksum> original = backups.view(ready[0].backupId()).tables();
        steps.run("scratch copy made", () -> {
            dbs.restore(ready[0], ready[0].bucket(), server, site);
            Optional<CheckFailure> diff = ManifestCheck.compare(original, dbs.manifest(server, site));
            if (diff.isPresent()) {
                throw new IllegalStateException("the copy differs from its backup: " + diff.get().detail());
            }
            return site + " restored from backup " + ready[0].backupId() + "; its " + original.size()
                    + " tables match the manifest. The protected database " + db + " is not touched.";
        });
        Instant[] damageAt = new Instant[1];
        steps.run("damage done", () -> {
            damageAt[0] = clock.instant();
            if (scenario.restoresFromTertiary()) {
                dbs.dropAll(server, List.of(site));
            } else {
                dbs.execute(server, site, Damage.sql(scenario).toArray(String[]::new));
            }
            return "at " + damageAt[0] + " on " + site + ": " + Damage.describe(scenario);
        });
        steps.run("incident declared", () -> {
            run.incidentId = desk.declare(scenario.id(), "Drill: " + scenario.id(),
                    "Automated DR drill " + drillId + " on a scratch copy of " + db + ".", clock.instant(), damageAt[0]);
            commands.sendAndWait(new RecordDrillIncidentCommand(drillId, run.incidentId, clock.instant()));
            desk.lead(run.incidentId, properties.actor());
            return "incident " + run.incidentId + " (a drill), suspected start of damage " + damageAt[0]
                    + ", DR lead " + properties.actor();
        });
        List<String> affected = new ArrayList<>();
        String impact = steps.run("impact assessed", () -> assess(scenario, server, site, original, affected));
        desk.checklist(run.incidentId, "ASSESSMENT", Map.of("incident-declared", "drill " + drillId,
                "impact-assessed", impact, "documentation-started", "drill record " + drillId));
        desk.advance(run.incidentId, "assess", impact);
        BackupSummary[] chosen = new BackupSummary[1];
        steps.run("restore point chosen", () -> {
            chosen[0] = restorePoint(db, damageAt[0], scenario.restoresFromTertiary());
            return "backup " + chosen[0].backupId() + ", restore point " + chosen[0].snapshotAt()
                    + ", the newest verified backup before the damage at " + damageAt[0];
        });
        desk.checklist(run.incidentId, "CONTAINMENT", Map.of(
                "systems-isolated", "the damaged copy " + site + " is out of use",
                "backups-secured", "backup " + chosen[0].backupId() + " verified by restore; the incident holds it",
                "dr-environment-prepared", "restore target " + target + " on the PostgreSQL server",
                "tools-ready", "pg_restore matched to the server's major version"));
        desk.advance(run.incidentId, "contain", "the damaged copy is no longer used");
        String restored = steps.run("database restored", () -> restore(scenario, chosen[0], server, target, affected));
        String verified = steps.run("data verified against the manifest", () -> {
            List<TableChecksum> manifest = backups.view(chosen[0].backupId()).tables();
            Optional<CheckFailure> diff = ManifestCheck.compare(manifest, dbs.manifest(server, target));
            if (diff.isPresent()) {
                throw new IllegalStateException(diff.get().check() + ": " + diff.get().detail());
            }
            return manifest.size() + " tables: row counts and checksums match backup " + chosen[0].backupId();
        });
        desk.checklist(run.incidentId, "RECOVERY", Map.of("database-restored", restored, "data-verified", verified));
        desk.restored(run.incidentId, chosen[0].backupId(), chosen[0].snapshotAt(), restored);
        String checked = steps.run("application checks", () -> {
            List<String> failing = AppChecks.failing(server.withDatabase(target));
            if (!failing.isEmpty()) {
                desk.validated(run.incidentId, false, "failing application checks: " + failing);
                throw new IllegalStateException("failing application checks: " + failing);
            }
            return "all " + AppChecks.CHECKS.size() + " pass: " + String.join("; ", AppChecks.CHECKS.keySet());
        });
        desk.checklist(run.incidentId, "VALIDATION", Map.of("functional-tests-passed", checked));
        desk.validated(run.incidentId, true, checked);
        steps.run("incident closed", () -> {
            desk.checklist(run.incidentId, "COMMUNICATION", Map.of());
            desk.checklist(run.incidentId, "POST_RECOVERY", Map.of("incident-documented",
                    "drill " + drillId + ": GET /api/drills/" + drillId + "/report"));
            desk.advance(run.incidentId, "close", "drill " + drillId + " done");
            run.closed = true;
            return "incident " + run.incidentId + " closed";
        });
    }

    private String assess(DrillScenario scenario, PgTarget server, String site, List<TableChecksum> original,
                          List<String> affected) throws Exception {
        if (scenario.restoresFromTertiary()) {
            if (PgServer.exists(server, site)) {
                throw new IllegalStateException("the site database " + site + " still exists");
            }
            return "the primary site's database " + site + " is gone: recover at the DR site from the off-site copy";
        }
        Map<String, TableChecksum> before = new java.util.HashMap<>();
        original.forEach(t -> before.put(t.table(), t));
        for (TableChecksum now : dbs.manifest(server, site)) {
            TableChecksum was = before.remove(now.table());
            if (was == null || was.rows() != now.rows() || !was.md5().equals(now.md5())) {
                affected.add(now.table());
            }
        }
        affected.addAll(before.keySet());
        List<String> failing = AppChecks.failing(server.withDatabase(site));
        if (affected.isEmpty() && failing.isEmpty()) {
            throw new IllegalStateException("the damage was not detected");
        }
        return "tables changed: " + affected + "; application checks failing: " + failing;
    }

    private BackupSummary restorePoint(String db, Instant damageAt, boolean tertiary) {
        return backups.list(new BackupFilter(db, "COMPLETED", true, damageAt, 20)).stream()
                .filter(b -> !tertiary || readiness.tertiary(b.backupId()).filter(c -> "COPIED".equals(c.status())).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("no verified backup of " + db + " before "
                        + damageAt + (tertiary ? " with a tertiary copy" : "")));
    }

    private String restore(DrillScenario scenario, BackupSummary backup, PgTarget server, String target,
                           List<String> affected) throws Exception {
        if (scenario == DrillScenario.ACCIDENTAL_DATA_DELETION) {
            List<String> bare = affected.stream().map(t -> t.substring(t.indexOf('.') + 1)).toList();
            dbs.restoreTables(backup, server, target, bare);
            return "only the affected tables " + bare + " restored into " + target + " from backup " + backup.backupId();
        }
        String bucket = scenario.restoresFromTertiary() ? s3.buckets().tertiary() : backup.bucket();
        dbs.restore(backup, bucket, server, target);
        return "backup " + backup.backupId() + " restored from s3://" + bucket + "/" + backup.objectKey() + " into "
                + (scenario.restoresFromTertiary() ? "the DR site " : "the fresh database ") + target;
    }

    /** RTO and RPO as the incident recorded them: declared to restored, and the data lost. */
    private Measurement measure(Run run) {
        Duration rtoTarget = run.targets == null ? null : run.targets.rto();
        Duration rpoTarget = run.targets == null ? null : run.targets.rpo();
        if (run.incidentId == null) {
            return new Measurement(null, null, null, rtoTarget, null, rpoTarget);
        }
        try {
            JsonNode incident = desk.incident(run.incidentId);
            JsonNode restore = incident.get("restore");
            if (restore == null || restore.isNull()) {
                return new Measurement(null, null, null, rtoTarget, null, rpoTarget);
            }
            Instant declared = Instant.parse(incident.get("declaredAt").asText());
            Instant restored = Instant.parse(restore.get("at").asText());
            return new Measurement(restore.get("backupId").asText(), Instant.parse(restore.get("restorePoint").asText()),
                    Duration.between(declared, restored), rtoTarget, IncidentDesk.duration(restore.get("dataLoss")),
                    rpoTarget);
        } catch (RuntimeException e) {
            log.warn("Could not read the measurements of incident {}: {}", run.incidentId, e.toString());
            return new Measurement(null, null, null, rtoTarget, null, rpoTarget);
        }
    }

    private void cancelQuietly(String incidentId, String failure) {
        try {
            desk.cancel(incidentId, "drill failed: " + failure);
        } catch (RuntimeException e) {
            log.info("Drill incident {} left open (it cannot be cancelled now): {}", incidentId, e.getMessage());
        }
    }

    /** Drops the scratch databases; any left is named on the drill and dropped at the next start. */
    private List<String> cleanUp(String drillId, PgTarget server, List<String> scratch) {
        Instant started = clock.instant();
        List<String> left = dbs.dropAll(server, scratch);
        commands.sendAndWait(new RecordDrillStepCommand(drillId, "scratch databases dropped", left.isEmpty(),
                left.isEmpty() ? String.join(", ", scratch) + " dropped"
                        : "could not drop " + left + ": marked for cleanup at the next start", started, clock.instant()));
        return left;
    }
}
