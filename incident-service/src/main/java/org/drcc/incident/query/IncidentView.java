package org.drcc.incident.query;

import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.Severity;

/**
 * An incident's state after a given event; {@code version} is the sequence number of that event,
 * which clients send back in {@code If-Match} for optimistic concurrency.
 */
public record IncidentView(
        String id,
        String scenario,
        String title,
        String description,
        Severity severity,
        IncidentStatus status,
        Duration rto,
        Duration rpo,
        Instant detectedAt,
        Instant suspectedDamageStart,
        boolean drill,
        Instant declaredAt,
        String declaredBy,
        Instant updatedAt,
        long version) {

    /** The state after {@code event}, given the state before it (null before the first event). */
    static IncidentView fold(IncidentView before, IncidentEvent event, long sequence) {
        if (event instanceof IncidentDeclaredEvent e) {
            return new IncidentView(e.incidentId(), e.scenarioId(), e.title(), e.description(), e.severity(),
                    IncidentStatus.DECLARED, e.rto(), e.rpo(), e.detectedAt(), e.suspectedDamageStart(), e.drill(),
                    e.occurredAt(), e.actor(), e.occurredAt(), sequence);
        }
        throw new IllegalArgumentException("no view rule for " + event.getClass().getSimpleName());
    }
}
