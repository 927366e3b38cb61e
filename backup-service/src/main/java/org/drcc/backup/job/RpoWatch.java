package org.drcc.backup.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.drcc.backup.pitr.WalArchiveLag;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.backup.RpoRecoveredEvent;
import org.drcc.contract.backup.WalArchiveLagEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches each protected database's newest good backup (completed, verified by restore, not expired)
 * against its RPO. A backup not yet verified does not count: until it has been restored once, nobody
 * knows it can be. Crossing the RPO is an event, once; so is coming back within it. The flag
 * flips with a conditional update in the event's transaction, so several instances alert only once.
 * Where point-in-time recovery covers the database, its WAL archive counts too: an archive lagging more than its
 * threshold is "RPO at risk" like a late dump (a disaster now would lose what waits to be archived), with a
 * {@code dr.backup.wal-archive-lag.v1} saying how far behind it is, and another when it has caught up.
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
    private final WalArchiveLag walArchive;

    RpoWatch(Policies policies, Backups backups, JdbcClient jdbc, EventGateway events,
             TransactionTemplate transactions, Clock clock, WalArchiveLag walArchive) {
        this.walArchive = walArchive;
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

    public void check(String database, DatabasePolicy policy) {
        Instant now = clock.instant();
        Optional<BackupSummary> newest = backups.newestGood(database);
        Duration age = newest.map(b -> Duration.between(b.snapshotAt(), now)).orElse(null);
        Optional<WalArchiveLag.Measured> wal = walArchive.covers(database) ? walArchive.measure() : Optional.empty();
        boolean atRisk = age == null || age.compareTo(policy.rpo()) > 0 || wal.map(WalArchiveLag.Measured::lagging).orElse(false);
        wal.ifPresent(lag -> transactions.executeWithoutResult(status -> watchWal(database, lag, now)));
        wal.filter(WalArchiveLag.Measured::lagging).ifPresent(lag -> walArchive.repair());
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

    /** The WAL archive's own state, flipped once per change like the RPO's. */
    private void watchWal(String database, WalArchiveLag.Measured lag, Instant now) {
        jdbc.sql("INSERT INTO wal_archive_watch (database_name, lagging, since) VALUES (?, false, ?) ON CONFLICT DO NOTHING")
                .params(database, Timestamp.from(now)).update();
        int flipped = jdbc.sql("UPDATE wal_archive_watch SET lagging = ?, since = ? WHERE database_name = ? AND lagging <> ?")
                .params(lag.lagging(), Timestamp.from(now), database, lag.lagging()).update();
        if (flipped > 0) {
            events.publish(new WalArchiveLagEvent(database, walArchive.stanza(), lag.lagging(), lag.lastArchivedWal(),
                    lag.lastArchivedAt(), lag.lag(), lag.threshold(), ACTOR, now));
        }
    }
}
