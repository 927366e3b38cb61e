package org.drcc.backup.job;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.catalog.CatalogRebuild;
import org.drcc.backup.command.FailBackupCommand;
import org.drcc.backup.command.FailRestoreCommand;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.backup.query.RestoreView;
import org.drcc.backup.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a crash, a backup or restore that was running never will finish: it is recorded as failed,
 * and the backup's multipart upload is aborted, so it is never listed as good and leaves no parts. Unless a tier
 * holds the backup complete, described by its catalogue object: then it is recorded as that object says
 * ({@link CatalogRebuild#reconcile}). That is the case of this service's own backup after a restore of its database
 * (the dump was taken while the backup ran, so the restored store has it RUNNING), and of a stop between the
 * catalogue object and the completion's event.
 * This assumes one backup-service instance, which is how the suite runs it; with several, a backup another
 * instance still runs is failed too. {@code StaleBackupSweep} is the check that is safe with several.
 */
@Component
class StartupRecovery {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);
    static final String CAUSE = "the backup-service stopped while it was running";
    static final String ACTOR = "backup-service";

    private final Backups backups;
    private final CommandGateway commands;
    private final ObjectStore store;
    private final CatalogRebuild catalog;
    private final Clock clock;

    StartupRecovery(Backups backups, CommandGateway commands, ObjectStore store, CatalogRebuild catalog, Clock clock) {
        this.catalog = catalog;
        this.backups = backups;
        this.commands = commands;
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failWhatWasInterrupted() {
        for (BackupSummary backup : backups.allRunning()) {
            if (catalog.reconcile(backup, ACTOR).isPresent()) {
                continue;
            }
            log.warn("Backup {} of {} was interrupted; recording it as failed", backup.backupId(), backup.database());
            try {
                store.abortIncomplete(backup.bucket(), backup.objectKey());
            } catch (RuntimeException e) {
                log.warn("Could not abort the upload of {}: {}", backup.objectKey(), e.toString());
            }
            commands.sendAndWait(new FailBackupCommand(backup.backupId(), CAUSE, clock.instant()));
        }
        for (RestoreView restore : backups.allRunningRestores()) {
            commands.sendAndWait(new FailRestoreCommand(restore.backupId(), restore.restoreId(), CAUSE, clock.instant()));
        }
    }
}
