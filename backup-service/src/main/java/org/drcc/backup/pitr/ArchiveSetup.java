package org.drcc.backup.pitr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * At start-up, off the start's thread: pgBackRest's configuration and the stanza, so that the protected server's
 * archive command succeeds from then on (it keeps every WAL segment until it does). A failure is logged and tried
 * again before the next base backup.
 */
@Component
class ArchiveSetup {

    private static final Logger log = LoggerFactory.getLogger(ArchiveSetup.class);

    private final BaseBackups baseBackups;
    private final TaskExecutor tasks;

    ArchiveSetup(BaseBackups baseBackups, TaskExecutor backupTasks) {
        this.baseBackups = baseBackups;
        this.tasks = backupTasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepare() {
        if (!baseBackups.enabled()) {
            return;
        }
        tasks.execute(() -> {
            try {
                baseBackups.prepare();
                log.info("WAL archive of {} set up: pgBackRest stanza ready in the three tiers", baseBackups.database());
            } catch (RuntimeException e) {
                log.error("WAL archive not set up yet (the server keeps its WAL until it is): {}", e.getMessage());
            }
        });
    }
}
