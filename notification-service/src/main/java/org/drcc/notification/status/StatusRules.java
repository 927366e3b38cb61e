package org.drcc.notification.status;

import java.util.Optional;
import java.util.Set;
import org.drcc.contract.incident.IncidentAssessedEvent;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentContainedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentValidatedEvent;
import org.drcc.contract.incident.NoteAddedEvent;

/**
 * What of an incident event may be published. Drills never; internal notes never; the actor never.
 * A status update (a note marked {@code statusUpdate}) keeps the incident's status and adds its text.
 */
public final class StatusRules {

    /** Statuses after which an incident is no longer current (it stays in the feed's history). */
    public static final Set<String> ENDED = Set.of("closed", "cancelled");
    /** A status update does not change the status; the projection keeps the one the incident has. */
    static final String UPDATE = "update";

    private StatusRules() {
    }

    public static boolean current(String status) {
        return !ENDED.contains(status);
    }

    public static Optional<PublicUpdate> publicUpdate(IncidentEvent event, String eventId) {
        if (event.targets() != null && event.targets().drill() || event instanceof IncidentDeclaredEvent d && d.drill()
                || event instanceof NoteAddedEvent n && !n.statusUpdate()) {
            return Optional.empty();
        }
        if (event instanceof IncidentDeclaredEvent) {
            return update(event, eventId, "declared", null);
        } else if (event instanceof NoteAddedEvent e) {
            return update(event, eventId, UPDATE, e.text());
        } else if (event instanceof IncidentAssessedEvent e) {
            return update(event, eventId, "assessed", e.summary());
        } else if (event instanceof IncidentContainedEvent e) {
            return update(event, eventId, "contained", e.summary());
        } else if (event instanceof IncidentRestoredEvent e) {
            return update(event, eventId, "restored", e.summary());
        } else if (event instanceof IncidentValidatedEvent e) {
            return update(event, eventId, "validated", e.summary());
        } else if (event instanceof IncidentClosedEvent e) {
            return update(event, eventId, "closed", e.summary());
        } else if (event instanceof IncidentCancelledEvent e) {
            return update(event, eventId, "cancelled", e.reason());
        }
        return Optional.empty();
    }

    private static Optional<PublicUpdate> update(IncidentEvent event, String eventId, String status, String text) {
        return Optional.of(new PublicUpdate(eventId, event.incidentId(), status, text, event.occurredAt()));
    }
}
