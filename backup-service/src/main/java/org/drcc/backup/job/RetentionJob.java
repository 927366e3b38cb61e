package org.drcc.backup.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.drcc.backup.command.ExpireBackupCommand;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.retention.RetentionSettings;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.backup.query.IncidentHolds;
import org.drcc.backup.retention.ClockGuard;
import org.drcc.backup.retention.ClockGuard.ClockJump;
import org.drcc.backup.retention.GfsRetention;
import org.drcc.backup.retention.RetentionCandidate;
import org.drcc.backup.retention.RetentionPlan;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.contract.backup.RetentionHaltedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies each database's retention: the backups no rule keeps are deleted from every tier, then
 * recorded as expired. The objects go first, so a crash in between leaves an expired-to-be backup
 * that the next run expires, never an expired one whose objects still cost storage. Two guards stand
 * before any deletion: a clock that cannot be trusted halts the database's run with an event (its
 * owners are told), and a run leaves a database at most {@code dr.backup.retention.max-deletes-per-run} backups
 * fewer than the run before it left ({@link RetentionSettings#deletesAllowed}, table {@code retention_left}).
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
    private final EventGateway events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final RetentionSettings settings;

    RetentionJob(Policies policies, Backups backups, IncidentHolds holds, ObjectStore store, S3Properties s3,
                 CommandGateway commands, EventGateway events, JdbcClient jdbc, Clock clock,
                 BackupProperties properties, RetentionSettings settings) {
        this.policies = policies;
        this.backups = backups;
        this.holds = holds;
        this.store = store;
        this.s3 = s3;
        this.commands = commands;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(properties.zone());
        this.settings = settings;
    }

    /** Runs retention for every protected database on behalf of {@code actor}; returns each one's plan. */
    public Map<String, RetentionPlan> run(String actor) {
        Map<String, RetentionPlan> plans = new LinkedHashMap<>();
        policies.all().forEach((database, policy) -> plans.put(database, run(database, policy, actor)));
        return plans;
    }

    private RetentionPlan run(String database, DatabasePolicy policy, String actor) {
        Map<String, BackupSummary> byId = new LinkedHashMap<>();
        backups.completed(database).forEach(b -> byId.put(b.backupId(), b));
        Optional<BackupSummary> newest = byId.values().stream().filter(b -> b.completedAt() != null)
                .max((a, b) -> a.completedAt().compareTo(b.completedAt()));
        Instant databaseNow = databaseClock();
        Instant now = clock.instant();
        Optional<ClockJump> jump = ClockGuard.check(now, databaseNow,
                newest.map(BackupSummary::completedAt).orElse(null), settings.clockTolerance());
        if (jump.isPresent()) {
            log.error("Retention of {} halted, nothing deleted: {}", database, jump.get().reason());
            events.publish(new RetentionHaltedEvent(newest.map(BackupSummary::backupId).orElse(null), database,
                    jump.get().reason(), now, jump.get().referenceAt(), actor, now));
            recordLeft(database, byId.size(), now);
            return RetentionPlan.halted(List.copyOf(byId.keySet()), jump.get().reason());
        }

        List<RetentionCandidate> candidates = byId.values().stream()
                .map(b -> new RetentionCandidate(b.backupId(), b.snapshotAt(), "VERIFIED".equals(b.verification())))
                .toList();
        RetentionPlan plan = GfsRetention.plan(candidates, policy.retention(), now, zone, holds.openHoldsSince())
                .limitedTo(settings.deletesAllowed(byId.size(), leftByLastRun(database)));
        String reason = "no retention rule keeps it (" + policy.retention().daily() + " daily, "
                + policy.retention().weekly() + " weekly, " + policy.retention().monthly() + " monthly)";
        int left = byId.size();
        for (String id : plan.expired()) {
            BackupSummary backup = byId.get(id);
            try {
                // every tier, and the bucket it was written to, should no tier name it any more
                Set<String> buckets = new LinkedHashSet<>(s3.buckets().byTier().values());
                buckets.add(backup.bucket());
                for (String bucket : buckets) {
                    store.delete(bucket, backup.objectKey());
                }
                commands.sendAndWait(new ExpireBackupCommand(id, reason, clock.instant()));
                left--;
            } catch (RuntimeException e) {
                log.warn("Could not expire backup {}: {}", id, e.toString());
            }
        }
        recordLeft(database, left, now);
        if (plan.deferred().isEmpty()) {
            log.info("Retention of {}: {} kept, {} expired", database, plan.kept().size(), plan.expired().size());
        } else {
            log.warn("Retention of {}: {} kept, {} expired, {} more that no rule keeps wait for the next run "
                            + "(a run leaves at most dr.backup.retention.max-deletes-per-run, {}, fewer than the run "
                            + "before)", database,
                    plan.kept().size(), plan.expired().size(), plan.deferred().size(), settings.maxDeletesPerRun());
        }
        return plan;
    }

    /** How many completed backups of {@code database} the last run left (none before its first run). */
    private Optional<Integer> leftByLastRun(String database) {
        return jdbc.sql("SELECT backups_left FROM retention_left WHERE database_name = ?").param(database)
                .query(Integer.class).optional();
    }

    private void recordLeft(String database, int left, Instant at) {
        jdbc.sql("""
                        INSERT INTO retention_left (database_name, backups_left, ran_at) VALUES (?, ?, ?)
                        ON CONFLICT (database_name) DO UPDATE SET backups_left = excluded.backups_left,
                            ran_at = excluded.ran_at""")
                .params(database, left, Timestamp.from(at)).update();
    }

    /** The service's PostgreSQL server's time: a clock this host's jumps do not move. */
    private Instant databaseClock() {
        return jdbc.sql("SELECT clock_timestamp()").query((rs, row) -> rs.getTimestamp(1).toInstant()).single();
    }
}
