package org.drcc.incident.query;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.kafka.ContractTypes;
import org.springframework.stereotype.Service;

/**
 * Reads an incident straight from the event store: its events, and its state at any instant by
 * replaying them. Always consistent with the last command; also the audit view "as of".
 */
@Service
public class IncidentHistory {

    private final EventStore events;

    IncidentHistory(EventStore events) {
        this.events = events;
    }

    public List<RecordedEvent> events(String incidentId) {
        List<RecordedEvent> recorded = stream(incidentId).stream()
                .map(m -> {
                    IncidentEvent event = (IncidentEvent) m.getPayload();
                    return new RecordedEvent(m.getIdentifier(), m.getSequenceNumber(),
                            ContractTypes.typeOf(event.getClass()), event.occurredAt(), event.actor(), event);
                })
                .toList();
        if (recorded.isEmpty()) {
            throw new IncidentNotFoundException("no incident has id " + incidentId);
        }
        return recorded;
    }

    /** The incident as it was at {@code asOf} (inclusive). */
    public IncidentView stateAsOf(String incidentId, Instant asOf) {
        IncidentState state = new IncidentState();
        for (DomainEventMessage<?> m : stream(incidentId)) {
            IncidentEvent event = (IncidentEvent) m.getPayload();
            if (event.occurredAt().isAfter(asOf)) {
                break;
            }
            state.apply(event, m.getSequenceNumber());
        }
        if (state.isEmpty()) {
            throw new IncidentNotFoundException(asOf.equals(Instant.MAX) ? "no incident has id " + incidentId
                    : "incident " + incidentId + " did not exist at " + asOf);
        }
        return state.view();
    }

    public IncidentView current(String incidentId) {
        return stateAsOf(incidentId, Instant.MAX);
    }

    /**
     * The incident as it is, folded from {@code committed} when they are its whole stream from its declaration (the
     * events a declaration just committed, as applied: see {@code CommittedEvents}), without reading them back from
     * the store; read from the store otherwise.
     */
    public IncidentView current(String incidentId, List<? extends DomainEventMessage<?>> committed) {
        IncidentState state = new IncidentState();
        long sequence = 0;
        for (DomainEventMessage<?> m : committed) {
            if (m.getSequenceNumber() != sequence++ || !(m.getPayload() instanceof IncidentEvent event)) {
                return current(incidentId);
            }
            state.apply(event, m.getSequenceNumber());
        }
        return state.isEmpty() ? current(incidentId) : state.view();
    }

    /** Every event from the first: the audit view never starts from a snapshot. */
    private List<? extends DomainEventMessage<?>> stream(String incidentId) {
        return events.readEvents(incidentId, 0L).asStream().toList();
    }
}
