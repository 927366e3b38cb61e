package org.drcc.metrics.query;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Empties the projection and this consumer's inbox in one transaction, so that a replay applies every
 * event again. Facts are deleted before the inbox: a live event committing meanwhile then either loses
 * both its fact and its inbox row (and the replay applies it again) or keeps both, never only its inbox row.
 * The projection's version goes too, so a replay that does not finish (a crash, Kafka gone) is redone
 * by the next start-up instead of leaving half the facts.
 */
@Component
public class ProjectionReset {

    private final IncidentFacts facts;
    private final BackupFacts backups;
    private final MaintenanceWindows maintenance;
    private final PlanSla sla;
    private final DrillFacts drills;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String consumer;

    ProjectionReset(IncidentFacts facts, BackupFacts backups, MaintenanceWindows maintenance, PlanSla sla,
                    DrillFacts drills, JdbcClient jdbc, TransactionTemplate transactions,
                    @Value("${spring.application.name}") String consumer) {
        this.facts = facts;
        this.backups = backups;
        this.maintenance = maintenance;
        this.sla = sla;
        this.drills = drills;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.consumer = consumer;
    }

    public void reset() {
        transactions.executeWithoutResult(status -> {
            facts.deleteAll();
            backups.deleteAll();
            maintenance.deleteAll();
            sla.deleteAll();
            drills.deleteAll();
            jdbc.sql("DELETE FROM processed_event WHERE consumer = ?").param(consumer).update();
            jdbc.sql("DELETE FROM projection_state WHERE projection = ?").param(IncidentFactsProjection.NAME).update();
        });
    }
}
