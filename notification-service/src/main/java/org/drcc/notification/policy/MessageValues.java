package org.drcc.notification.policy;

import java.util.HashMap;
import java.util.Map;
import org.drcc.contract.incident.IncidentAssessedEvent;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentContainedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentValidatedEvent;
import org.drcc.contract.incident.NoteAddedEvent;
import org.drcc.notification.query.IncidentBrief;

/** The names a template may use; documented in the README, so renaming one breaks operators' templates. */
final class MessageValues {

    private MessageValues() {
    }

    static Map<String, Object> of(IncidentEvent event, IncidentBrief brief) {
        Map<String, Object> values = of(brief);
        values.put("actor", event.actor());
        values.put("occurredAt", event.occurredAt());
        values.put("phase", phase(event));
        values.put("text", text(event));
        if (event instanceof IncidentDeclaredEvent d) {
            values.put("rpo", d.rpo());
            values.put("description", d.description());
        }
        return values;
    }

    static Map<String, Object> of(IncidentBrief brief) {
        Map<String, Object> values = new HashMap<>();
        values.put("incidentId", brief.incidentId());
        values.put("scenarioId", brief.scenarioId());
        values.put("title", brief.title() == null ? brief.scenarioId() : brief.title());
        values.put("severity", brief.severity());
        values.put("rto", brief.rto());
        values.put("declaredAt", brief.declaredAt());
        values.put("drill", brief.drill());
        return values;
    }

    private static String phase(IncidentEvent event) {
        if (event instanceof IncidentAssessedEvent) {
            return "assessed";
        } else if (event instanceof IncidentContainedEvent) {
            return "contained";
        } else if (event instanceof IncidentRestoredEvent) {
            return "restored";
        } else if (event instanceof IncidentValidatedEvent) {
            return "validated";
        } else if (event instanceof IncidentClosedEvent) {
            return "closed";
        } else if (event instanceof IncidentCancelledEvent) {
            return "cancelled";
        }
        return event instanceof IncidentDeclaredEvent ? "declared" : "updated";
    }

    private static String text(IncidentEvent event) {
        if (event instanceof IncidentAssessedEvent e) {
            return e.summary();
        } else if (event instanceof IncidentContainedEvent e) {
            return e.summary();
        } else if (event instanceof IncidentRestoredEvent e) {
            return e.summary();
        } else if (event instanceof IncidentValidatedEvent e) {
            return e.summary();
        } else if (event instanceof IncidentClosedEvent e) {
            return e.summary();
        } else if (event instanceof IncidentCancelledEvent e) {
            return e.reason();
        } else if (event instanceof NoteAddedEvent e) {
            return e.text();
        }
        return null;
    }
}
