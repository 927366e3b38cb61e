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
        if (event.targets() != null && event.targets().drill()) {
            return Optional.empty();
        }
        if (event instanceof IncidentDeclaredEvent d && d.drill()) {
            return Optional.empty();
        }
        String status;
        String text;
        if (event instanceof IncidentDeclaredEvent) {
            status = "declared";
            text = null;
        } else if (event instanceof NoteAddedEvent e) {
            if (!e.statusUpdate()) {
                return Optional.empty();
            }
            status = UPDATE;
            text = e.text();
        } else if (event instanceof IncidentAssessedEvent e) {
            status = "assessed";
            text = e.summary();
        } else if (event instanceof IncidentContainedEvent e) {
            status = "contained";
            text = e.summary();
        } else if (event instanceof IncidentRestoredEvent e) {
            status = "restored";
            text = e.summary();
        } else if (event instanceof IncidentValidatedEvent e) {
            status = "validated";
            text = e.summary();
        } else if (event instanceof IncidentClosedEvent e) {
            status = "closed";
            text = e.summary();
        } else if (event instanceof IncidentCancelledEvent e) {
            status = "cancelled";
            text = e.reason();
        } else {
            return Optional.empty();
        }
        return Optional.of(new PublicUpdate(eventId, event.incidentId(), status, text, event.occurredAt()));
    }
}
