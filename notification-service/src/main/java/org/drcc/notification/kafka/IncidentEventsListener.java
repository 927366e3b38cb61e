package org.drcc.notification.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.ChecklistAssignedEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.PhaseWindowsAssignedEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.notification.policy.NotificationPolicy;
import org.drcc.notification.query.IncidentBriefs;
import org.drcc.notification.status.StatusBoard;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Incident events become briefs, owed messages and public status-page lines, once per event: the inbox skips an event id it has seen,
 * and the notification ids derived from that event id make a repeat a no-op even past the inbox.
 */
@Component
class IncidentEventsListener {

    static final String ID = "incident-events";
    /**
     * The declaration's checklist and phase windows, the largest of a declaration's three events, tell nobody anything
     * here and are skipped unread (no class read, no inbox row); {@code UnreadIncidentEventsTest} keeps every other
     * class of the service from starting to use them by name unnoticed.
     */
    static final List<Class<? extends IncidentEvent>> UNREAD = List.of(ChecklistAssignedEvent.class,
            PhaseWindowsAssignedEvent.class);
    private static final ContractTypes<IncidentEvent> TYPES = ContractTypes.of(IncidentEvent.class)
            .except(UNREAD);

    private final EventInbox inbox;
    private final IncidentBriefs briefs;
    private final NotificationPolicy policy;
    private final StatusBoard statusBoard;

    IncidentEventsListener(EventInbox inbox, IncidentBriefs briefs, NotificationPolicy policy, StatusBoard statusBoard) {
        this.inbox = inbox;
        this.briefs = briefs;
        this.policy = policy;
        this.statusBoard = statusBoard;
    }

    @KafkaListener(id = ID, topics = Topics.INCIDENT_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        String eventId = CloudEventRecords.eventId(record);
        inbox.consume(record, TYPES, event -> {
            statusBoard.project(event, eventId);
            briefs.project(event);
            policy.on(event, eventId);
        });
    }
}
