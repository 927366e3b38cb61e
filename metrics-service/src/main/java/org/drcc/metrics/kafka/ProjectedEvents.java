package org.drcc.metrics.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.drill.DrillEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.notification.NotificationEvent;
import org.drcc.contract.plan.PlanEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.metrics.query.BackupFactsProjection;
import org.drcc.metrics.query.DrillFacts;
import org.drcc.metrics.query.IncidentFactsProjection;
import org.drcc.metrics.query.MaintenanceWindows;
import org.drcc.metrics.query.PlanSla;
import org.drcc.metrics.query.ProjectedLabel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies a record of any projected topic through the inbox (once per CloudEvents id) to the projection
 * of its topic; used by the listeners and by the replay alike.
 */
@Component
class ProjectedEvents {

    static final ContractTypes<IncidentEvent> INCIDENT_TYPES = ContractTypes.of(IncidentEvent.class);
    static final ContractTypes<BackupEvent> BACKUP_TYPES = ContractTypes.of(BackupEvent.class);
    static final ContractTypes<NotificationEvent> NOTIFICATION_TYPES = ContractTypes.of(NotificationEvent.class);
    static final ContractTypes<PlanEvent> PLAN_TYPES = ContractTypes.of(PlanEvent.class);
    static final ContractTypes<DrillEvent> DRILL_TYPES = ContractTypes.of(DrillEvent.class);

    private final EventInbox inbox;
    private final IncidentFactsProjection incidents;
    private final BackupFactsProjection backups;
    private final MaintenanceWindows maintenance;
    private final PlanSla sla;
    private final DrillFacts drills;
    private final ApplicationEventPublisher publisher;

    ProjectedEvents(EventInbox inbox, IncidentFactsProjection incidents, BackupFactsProjection backups,
                    MaintenanceWindows maintenance, PlanSla sla, DrillFacts drills,
                    ApplicationEventPublisher publisher) {
        this.inbox = inbox;
        this.incidents = incidents;
        this.backups = backups;
        this.maintenance = maintenance;
        this.sla = sla;
        this.drills = drills;
        this.publisher = publisher;
    }

    void consume(ConsumerRecord<String, String> record) {
        switch (record.topic()) {
            case Topics.INCIDENT_EVENTS -> inbox.consume(record, INCIDENT_TYPES,
                    e -> incidents.apply(e, CloudEventRecords.eventId(record)));
            case Topics.BACKUP_EVENTS -> inbox.consume(record, BACKUP_TYPES, e -> {
                backups.apply(e);
                publisher.publishEvent(new ProjectedLabel.Database(e.database()));
            });
            case Topics.NOTIFICATION_EVENTS -> inbox.consume(record, NOTIFICATION_TYPES, e -> {
                backups.apply(e);
                ProjectedLabel.tierOf(e).ifPresent(t -> publisher.publishEvent(new ProjectedLabel.Tier(t)));
            });
            case Topics.PLAN_EVENTS -> inbox.consume(record, PLAN_TYPES,
                    e -> {
                        maintenance.apply(e, CloudEventRecords.eventId(record));
                        sla.apply(e, CloudEventRecords.eventId(record));
                    });
            case Topics.DRILL_EVENTS -> inbox.consume(record, DRILL_TYPES,
                    e -> drills.apply(e, CloudEventRecords.eventId(record)));
            default -> throw new IllegalArgumentException("not a projected topic: " + record.topic());
        }
    }
}
