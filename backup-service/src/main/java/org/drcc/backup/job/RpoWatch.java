package org.drcc.backup.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.backup.RpoRecoveredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches each protected database's newest good backup (completed, verified by restore, not expired)
 * against its RPO. A backup not yet verified does not count: until it has been restored once, nobody
 * knows it can be. Crossing the RPO is an event, once; so is coming back within it. The flag
 * flips with a conditional update in the event's transaction, so several instances alert only once.
 */
@Component
public class RpoWatch {

    static final String ACTOR = "backup-service";

    private final Policies policies;
    private final Backups backups;
    private final JdbcClient jdbc;
    private final EventGateway events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RpoWatch(Policies policies, Backups backups, JdbcClient jdbc, EventGateway events,
             TransactionTemplate transactions, Clock clock) {
        this.policies = policies;
        this.backups = backups;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Run by the clock from ScheduledJobs (every dr.backup.rpo-check-interval). */
    public void check() {
        policies.all().forEach(this::check);
    }

    /** Of completed, unexpired backups newest first: the first verified by restore, with a restore point. */
    static Optional<BackupSummary> newestGood(List<BackupSummary> completedNewestFirst) {
        return completedNewestFirst.stream()
                .filter(b -> "VERIFIED".equals(b.verification()) && b.snapshotAt() != null)
                .findFirst();
    }

    public void check(String database, DatabasePolicy policy) {
        Instant now = clock.instant();
        Optional<BackupSummary> newest = newestGood(backups.completed(database));
        Duration age = newest.map(b -> Duration.between(b.snapshotAt(), now)).orElse(null);
        boolean atRisk = age == null || age.compareTo(policy.rpo()) > 0;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO rpo_watch (database_name, at_risk, since) VALUES (?, false, ?) ON CONFLICT DO NOTHING")
                    .params(database, Timestamp.from(now)).update();
            int flipped = jdbc.sql("UPDATE rpo_watch SET at_risk = ?, since = ? WHERE database_name = ? AND at_risk <> ?")
                    .params(atRisk, Timestamp.from(now), database, atRisk).update();
            if (flipped == 0) {
                return;
            }
            String backupId = newest.map(BackupSummary::backupId).orElse(null);
            Instant snapshotAt = newest.map(BackupSummary::snapshotAt).orElse(null);
            events.publish(atRisk
                    ? new RpoAtRiskEvent(backupId, database, snapshotAt, policy.rpo(), age, ACTOR, now)
                    : new RpoRecoveredEvent(backupId, database, snapshotAt, policy.rpo(), ACTOR, now));
        });
    }
}
