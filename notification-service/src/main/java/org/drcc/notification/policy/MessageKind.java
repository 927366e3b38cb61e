package org.drcc.notification.policy;

import java.util.Optional;
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
 * The plan's four kinds of message, each with its template. A phase change gets one message, not
 * two: restored and validated a recovery completion, closed the post-incident summary, the others
 * (assessed, contained, cancelled, a note marked as status update) a status update.
 */
enum MessageKind {
    DECLARATION("incident-declaration"),
    STATUS_UPDATE("status-update"),
    RECOVERY_COMPLETION("recovery-completion"),
    POST_INCIDENT_SUMMARY("post-incident-summary");

    final String id;

    MessageKind(String id) {
        this.id = id;
    }

    static Optional<MessageKind> of(IncidentEvent event) {
        if (event instanceof IncidentDeclaredEvent) {
            return Optional.of(DECLARATION);
        }
        if (event instanceof IncidentRestoredEvent || event instanceof IncidentValidatedEvent) {
            return Optional.of(RECOVERY_COMPLETION);
        }
        if (event instanceof IncidentClosedEvent) {
            return Optional.of(POST_INCIDENT_SUMMARY);
        }
        if (event instanceof IncidentAssessedEvent || event instanceof IncidentContainedEvent
                || event instanceof IncidentCancelledEvent
                || event instanceof NoteAddedEvent note && note.statusUpdate()) {
            return Optional.of(STATUS_UPDATE);
        }
        return Optional.empty();
    }
}
