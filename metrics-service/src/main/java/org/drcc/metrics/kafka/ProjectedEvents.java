package org.drcc.metrics.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.drill.DrillEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.notification.NotificationEvent;
import org.drcc.contract.plan.PlanEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.inbox.Inbox;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.kit.kafka.MalformedEventException;
import org.drcc.metrics.query.BackupFactsProjection;
import org.drcc.metrics.query.DrillFacts;
import org.drcc.metrics.query.IncidentFactsProjection;
import org.drcc.metrics.query.MaintenanceWindows;
import org.drcc.metrics.query.PlanSla;
import org.drcc.metrics.query.ProjectedLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies a record of any projected topic through the inbox (once per CloudEvents id) to the projection
 * of its topic: one record at a time for the listener, a batch at a time for the replay.
 */
@Component
class ProjectedEvents {

    static final ContractTypes<IncidentEvent> INCIDENT_TYPES = ContractTypes.of(IncidentEvent.class);
    static final ContractTypes<BackupEvent> BACKUP_TYPES = ContractTypes.of(BackupEvent.class);
    static final ContractTypes<NotificationEvent> NOTIFICATION_TYPES = ContractTypes.of(NotificationEvent.class);
    static final ContractTypes<PlanEvent> PLAN_TYPES = ContractTypes.of(PlanEvent.class);
    static final ContractTypes<DrillEvent> DRILL_TYPES = ContractTypes.of(DrillEvent.class);

    private static final Logger log = LoggerFactory.getLogger(ProjectedEvents.class);

    private final EventInbox inbox;
    private final Inbox processed;
    private final CloudEventRecords records;
    private final String consumer;
    private final IncidentFactsProjection incidents;
    private final BackupFactsProjection backups;
    private final MaintenanceWindows maintenance;
    private final PlanSla sla;
    private final DrillFacts drills;
    private final ApplicationEventPublisher publisher;

    ProjectedEvents(EventInbox inbox, Inbox processed, CloudEventRecords records,
                    @Value("${spring.application.name}") String consumer, IncidentFactsProjection incidents,
                    BackupFactsProjection backups, MaintenanceWindows maintenance, PlanSla sla, DrillFacts drills,
                    ApplicationEventPublisher publisher) {
        this.inbox = inbox;
        this.processed = processed;
        this.records = records;
        this.consumer = consumer;
        this.incidents = incidents;
        this.backups = backups;
        this.maintenance = maintenance;
        this.sla = sla;
        this.drills = drills;
        this.publisher = publisher;
    }

    void consume(ConsumerRecord<String, String> record) {
        inbox.consume(record, types(record.topic()), event -> apply(record, event));
    }

    /**
     * Applies a batch of records in the caller's transaction: reads them all, records the event ids of those
     * it can read in the inbox with one statement, and applies each not processed before, once. Returns the
     * number of unreadable records (the live listener parked them already).
     */
    long consumeAll(Iterable<ConsumerRecord<String, String>> batch) {
        record Readable(ConsumerRecord<String, String> record, String eventId, Object event) {
        }
        List<Readable> readable = new ArrayList<>();
        long unreadable = 0;
        for (ConsumerRecord<String, String> record : batch) {
            try {
                String eventId = CloudEventRecords.eventId(record);
                records.read(record, types(record.topic()))
                        .ifPresent(event -> readable.add(new Readable(record, eventId, event)));
            } catch (MalformedEventException e) {
                unreadable++;
                log.warn("Skipped an unreadable record: {}", e.getMessage());
            }
        }
        Set<String> claimed = processed.claim(consumer, readable.stream().map(Readable::eventId).toList());
        long applied = 0;
        for (Readable r : readable) {
            if (claimed.remove(r.eventId())) {
                apply(r.record(), r.event());
                applied++;
            } else {
                log.debug("Event {} at {}-{}@{} was already processed; skipped", r.eventId(), r.record().topic(),
                        r.record().partition(), r.record().offset());
            }
        }
        log.info("Applied {} of a batch of {} records ({} unreadable, the others processed before)", applied,
                readable.size() + unreadable, unreadable);
        return unreadable;
    }

    private void apply(ConsumerRecord<String, String> record, Object event) {
        switch (record.topic()) {
            case Topics.INCIDENT_EVENTS -> incidents.apply((IncidentEvent) event, CloudEventRecords.eventId(record));
            case Topics.BACKUP_EVENTS -> {
                BackupEvent e = (BackupEvent) event;
                backups.apply(e);
                publisher.publishEvent(new ProjectedLabel.Database(e.database()));
            }
            case Topics.NOTIFICATION_EVENTS -> {
                NotificationEvent e = (NotificationEvent) event;
                backups.apply(e);
                ProjectedLabel.tierOf(e).ifPresent(t -> publisher.publishEvent(new ProjectedLabel.Tier(t)));
            }
            case Topics.PLAN_EVENTS -> {
                PlanEvent e = (PlanEvent) event;
                maintenance.apply(e, CloudEventRecords.eventId(record));
                sla.apply(e, CloudEventRecords.eventId(record));
            }
            case Topics.DRILL_EVENTS -> drills.apply((DrillEvent) event, CloudEventRecords.eventId(record));
            default -> throw new IllegalArgumentException("not a projected topic: " + record.topic());
        }
    }

    private static ContractTypes<?> types(String topic) {
        return switch (topic) {
            case Topics.INCIDENT_EVENTS -> INCIDENT_TYPES;
            case Topics.BACKUP_EVENTS -> BACKUP_TYPES;
            case Topics.NOTIFICATION_EVENTS -> NOTIFICATION_TYPES;
            case Topics.PLAN_EVENTS -> PLAN_TYPES;
            case Topics.DRILL_EVENTS -> DRILL_TYPES;
            default -> throw new IllegalArgumentException("not a projected topic: " + topic);
        };
    }
}
