package org.drcc.notification.status;

import java.util.Map;
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

/**
 * What of an incident event may be published: that it exists and how far it got, in the public words of a
 * status page (investigating, identified, monitoring, resolved), never its text. The phases' summaries, the
 * cancel reason and every note are internal write-ups; the public reads only updates a person published
 * ({@link StatusBoard#publish}). Drills never; the scenario, the internal title and the actor never.
 */
public final class StatusRules {

    /** Statuses after which an incident is no longer current (it stays in the feed's history). */
    public static final Set<String> ENDED = Set.of("closed", "cancelled");
    /** Statuses that say the service is back for its users: an outage ends at the first of them. */
    public static final Set<String> SERVICE_BACK = Set.of("restored", "validated", "closed");
    /** A person's public update; it does not change the status. */
    static final String UPDATE = "update";
    /** The phase as the public reads it: "contained" would already tell of an attack. */
    private static final Map<String, String> PUBLIC_WORDS = Map.of("declared", "investigating",
            "assessed", "identified", "contained", "identified", "restored", "monitoring", "validated", "monitoring",
            "closed", "resolved", "cancelled", "resolved", UPDATE, UPDATE);

    private StatusRules() {
    }

    public static boolean current(String status) {
        return !ENDED.contains(status);
    }

    /** The word the public reads for an internal status. */
    public static String publicStatus(String status) {
        return PUBLIC_WORDS.getOrDefault(status, "investigating");
    }

    /** The line a phase event adds to the page: its status and time, no text. Notes add none. */
    public static Optional<PublicUpdate> publicUpdate(IncidentEvent event, String eventId) {
        if (event.targets() != null && event.targets().drill() || event instanceof IncidentDeclaredEvent d && d.drill()) {
            return Optional.empty();
        }
        String status = event instanceof IncidentDeclaredEvent ? "declared"
                : event instanceof IncidentAssessedEvent ? "assessed"
                : event instanceof IncidentContainedEvent ? "contained"
                : event instanceof IncidentRestoredEvent ? "restored"
                : event instanceof IncidentValidatedEvent ? "validated"
                : event instanceof IncidentClosedEvent ? "closed"
                : event instanceof IncidentCancelledEvent ? "cancelled" : null;
        return Optional.ofNullable(status)
                .map(s -> new PublicUpdate(eventId, event.incidentId(), s, null, event.occurredAt()));
    }
}
