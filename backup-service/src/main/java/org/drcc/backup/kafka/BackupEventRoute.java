package org.drcc.backup.kafka;

import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.RetentionHaltedEvent;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.backup.RpoRecoveredEvent;
import org.drcc.contract.backup.WalArchiveLagEvent;
import org.drcc.kit.axon.RelayRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kit's relay sends stored backup events to {@code dr.backup.events}. */
@Configuration(proxyBeanMethods = false)
class BackupEventRoute {

    @Bean
    RelayRoute<BackupEvent> backupEvents() {
        return new RelayRoute<>(BackupEvent.class, Topics.BACKUP_EVENTS, BackupEventRoute::key);
    }

    /** A backup's events are keyed by backup; a database's RPO, retention and WAL archive alerts by database, to stay in order. */
    private static String key(BackupEvent event) {
        if (event instanceof RpoAtRiskEvent risk) {
            return risk.database();
        }
        if (event instanceof RpoRecoveredEvent recovered) {
            return recovered.database();
        }
        if (event instanceof RetentionHaltedEvent halted) {
            return halted.database();
        }
        if (event instanceof WalArchiveLagEvent lag) {
            return lag.database();
        }
        return event.backupId();
    }
}
