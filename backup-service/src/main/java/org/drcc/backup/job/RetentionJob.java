package org.drcc.backup.job;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.ExpireBackupCommand;
import org.drcc.backup.config.BackupProperties;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.config.S3Properties;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.backup.query.IncidentHolds;
import org.drcc.backup.retention.GfsRetention;
import org.drcc.backup.retention.RetentionCandidate;
import org.drcc.backup.retention.RetentionPlan;
import org.drcc.backup.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies each database's retention: the backups no rule keeps are deleted from every tier, then
 * recorded as expired. The objects go first, so a crash in between leaves an expired-to-be backup
 * that the next run expires, never an expired one whose objects still cost storage.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Policies policies;
    private final Backups backups;
    private final IncidentHolds holds;
    private final ObjectStore store;
    private final S3Properties s3;
    private final CommandGateway commands;
    private final Clock clock;
    private final ZoneId zone;

    RetentionJob(Policies policies, Backups backups, IncidentHolds holds, ObjectStore store, S3Properties s3,
                 CommandGateway commands, Clock clock, BackupProperties properties) {
        this.policies = policies;
        this.backups = backups;
        this.holds = holds;
        this.store = store;
        this.s3 = s3;
        this.commands = commands;
        this.clock = clock;
        this.zone = ZoneId.of(properties.zone());
    }

    /** Runs retention for every protected database; returns each one's plan. */
    public Map<String, RetentionPlan> run() {
        Map<String, RetentionPlan> plans = new LinkedHashMap<>();
        policies.all().forEach((database, policy) -> plans.put(database, run(database, policy)));
        return plans;
    }

    private RetentionPlan run(String database, DatabasePolicy policy) {
        Map<String, BackupSummary> byId = new LinkedHashMap<>();
        backups.completed(database).forEach(b -> byId.put(b.backupId(), b));
        List<RetentionCandidate> candidates = byId.values().stream()
                .map(b -> new RetentionCandidate(b.backupId(), b.snapshotAt(), "VERIFIED".equals(b.verification())))
                .toList();
        RetentionPlan plan = GfsRetention.plan(candidates, policy.retention(), clock.instant(), zone,
                holds.openHoldsSince());
        String reason = "no retention rule keeps it (" + policy.retention().daily() + " daily, "
                + policy.retention().weekly() + " weekly, " + policy.retention().monthly() + " monthly)";
        for (String id : plan.expired()) {
            BackupSummary backup = byId.get(id);
            try {
                for (String bucket : List.of(s3.buckets().primary(), s3.buckets().secondary(), s3.buckets().tertiary())) {
                    store.delete(bucket, backup.objectKey());
                }
                commands.sendAndWait(new ExpireBackupCommand(id, reason, clock.instant()));
            } catch (RuntimeException e) {
                log.warn("Could not expire backup {}: {}", id, e.toString());
            }
        }
        log.info("Retention of {}: {} kept, {} expired", database, plan.kept().size(), plan.expired().size());
        return plan;
    }
}
