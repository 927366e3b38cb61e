package org.drcc.backup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.catalog.CatalogRebuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A backup that stays RUNNING blocks every later backup of its database. While the service runs (not
 * only at its start), a backup that is RUNNING in the read model, that no job of this instance runs, and
 * that started more than {@code dr.backup.stale-after} ago is recorded as failed, its upload aborted.
 * Another instance may be running it: only its age tells a lost backup from a long one, which is why
 * the setting must be longer than any dump takes.
 */
@Component
public class StaleBackupSweep {

    private static final Logger log = LoggerFactory.getLogger(StaleBackupSweep.class);

    private final Backups backups;
    private final BackupGate gate;
    private final ObjectStore store;
    private final FailureRecorder failures;
    private final Clock clock;
    private final Duration staleAfter;

    private final CatalogRebuild catalog;

    StaleBackupSweep(Backups backups, BackupGate gate, ObjectStore store, FailureRecorder failures, CatalogRebuild catalog,
                     Clock clock, BackupProperties properties) {
        this.catalog = catalog;
        this.backups = backups;
        this.gate = gate;
        this.store = store;
        this.failures = failures;
        this.clock = clock;
        this.staleAfter = properties.staleAfter();
    }

    static boolean isStale(Instant startedAt, boolean runsHere, Instant now, Duration staleAfter) {
        return !runsHere && now.isAfter(startedAt.plus(staleAfter));
    }

    /** Records every stale backup as failed; returns their ids. */
    public List<String> sweep() {
        Instant now = clock.instant();
        List<String> failed = new ArrayList<>();
        for (BackupSummary backup : backups.allRunning()) {
            if (!isStale(backup.startedAt(), gate.runsHere(backup.backupId()), now, staleAfter)) {
                continue;
            }
            if (catalog.reconcile(backup, OrphanedJobs.ACTOR).isPresent()) {
                continue; // complete in a tier after all: recorded as its catalogue object says
            }
            log.warn("Backup {} of {} started at {} and is still RUNNING, but no job of this instance runs it; "
                    + "recording it as failed", backup.backupId(), backup.database(), backup.startedAt());
            try {
                store.abortIncomplete(backup.bucket(), backup.objectKey());
            } catch (RuntimeException e) {
                log.warn("Could not abort the upload of {}: {}", backup.objectKey(), e.toString());
            }
            failures.record(backup.backupId(), "it was still RUNNING at " + now + ", more than " + staleAfter
                    + " (dr.backup.stale-after) after it started at " + backup.startedAt()
                    + ", and no job runs it: the instance that ran it stopped or lost it");
            failed.add(backup.backupId());
        }
        return failed;
    }
}
