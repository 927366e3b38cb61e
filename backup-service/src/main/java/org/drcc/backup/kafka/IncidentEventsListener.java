package org.drcc.backup.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.backup.job.ContainmentVerification;
import org.drcc.backup.query.IncidentHolds;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentContainedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.ContractTypes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A declared incident holds the backups until it is closed or cancelled; its containment verifies the
 * newest backup of each protected database (the plan's "verify backup integrity"). Once per event.
 */
@Component
class IncidentEventsListener {

    /** The events acted on below; the others (a declaration's checklist, the checklist's items...) are skipped unread. */
    private static final ContractTypes<IncidentEvent> TYPES = ContractTypes.of(IncidentEvent.class).only(
            List.of(IncidentDeclaredEvent.class, IncidentContainedEvent.class, IncidentClosedEvent.class,
                    IncidentCancelledEvent.class));

    private final EventInbox inbox;
    private final IncidentHolds holds;
    private final ContainmentVerification containment;

    IncidentEventsListener(EventInbox inbox, IncidentHolds holds, ContainmentVerification containment) {
        this.inbox = inbox;
        this.holds = holds;
        this.containment = containment;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(record, TYPES, event -> {
            if (event instanceof IncidentDeclaredEvent declared) {
                holds.hold(declared);
            } else if (event instanceof IncidentContainedEvent contained) {
                containment.verifyNewestBackups(contained);
            } else if (event instanceof IncidentClosedEvent || event instanceof IncidentCancelledEvent) {
                holds.release(event.incidentId(), event.occurredAt());
            }
        });
    }
}
