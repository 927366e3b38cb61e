package org.drcc.backup.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drcc.backup.query.Backups;
import org.springframework.stereotype.Component;

/**
 * One backup per database at a time, and none while a restore over the database runs. This instance's own backups are refused here at once; one
 * started by another instance is seen in the read model, and a race between two instances is
 * settled by its unique index (the second start command fails).
 */
@Component
class BackupGate {

    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final Backups backups;
    private final JobOwners owners;

    BackupGate(Backups backups, JobOwners owners) {
        this.backups = backups;
        this.owners = owners;
    }

    /** Let in, the backup is this instance's ({@link JobOwners}) before it is started. */
    void enter(String database, String backupId) {
        String other = running.putIfAbsent(database, backupId);
        if (other != null) {
            throw new BackupAlreadyRunningException(database, other);
        }
        backups.running(database).ifPresent(b -> {
            running.remove(database, backupId);
            throw new BackupAlreadyRunningException(database, b.backupId());
        });
        backups.runningRestoreOver(database).ifPresent(r -> {
            running.remove(database, backupId);
            throw new RestoreOverDatabaseRunningException(database, r.restoreId(), r.backupId());
        });
        try {
            owners.own(backupId);
        } catch (RuntimeException e) {
            running.remove(database, backupId);
            throw e;
        }
    }

    /**
     * A start that failed because another instance started a backup of the database at the same
     * moment (the read model's unique index refused the second) is that refusal, not an error.
     */
    RuntimeException explain(String database, String backupId, RuntimeException failure) {
        try {
            return backups.running(database).filter(b -> !b.backupId().equals(backupId))
                    .<RuntimeException>map(b -> new BackupAlreadyRunningException(database, b.backupId()))
                    .orElse(failure);
        } catch (RuntimeException unreadable) {
            failure.addSuppressed(unreadable);
            return failure;
        }
    }

    /** Whether a job of this instance runs the backup (another instance's, or a lost one, is not). */
    boolean runsHere(String backupId) {
        return running.containsValue(backupId);
    }

    void leave(String database, String backupId) {
        running.remove(database, backupId);
        owners.releaseQuietly(backupId);
    }
}
