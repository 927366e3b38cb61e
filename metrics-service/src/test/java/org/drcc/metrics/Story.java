package org.drcc.metrics;

import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.Severity;
import org.drcc.testsupport.TestEvents;

/** One incident told on Kafka as the incident-service would: its events keyed by its id, at given times. */
final class Story {

    final String id;
    final IncidentTargets targets;
    final Instant declaredAt;
    final Instant damageStart;
    private final TestEvents events;

    Story(TestEvents events, String id, Duration rpo, boolean drill, Instant declaredAt) {
        this.events = events;
        this.id = id;
        this.targets = new IncidentTargets(rpo == null ? "code-repository-loss" : "database-corruption",
                Duration.ofHours(2), rpo, drill);
        this.declaredAt = declaredAt;
        this.damageStart = declaredAt.minus(Duration.ofHours(1));
    }

    Story declared() throws Exception {
        events.publish(Topics.INCIDENT_EVENTS, id, new IncidentDeclaredEvent(id, targets.scenarioId(), "t", null,
                Severity.HIGH, targets.rto(), targets.rpo(), declaredAt, damageStart, targets.drill(), "alice",
                declaredAt));
        return this;
    }

    /** Restored {@code after} the declaration from a backup taken {@code loss} before the damage; returns the event id. */
    String restored(Duration after, Duration loss) throws Exception {
        return events.publish(Topics.INCIDENT_EVENTS, id, restoredEvent(after, loss));
    }

    IncidentRestoredEvent restoredEvent(Duration after, Duration loss) {
        return new IncidentRestoredEvent(id, targets, "b-" + id, damageStart.minus(loss), "restored", "bob",
                declaredAt.plus(after));
    }

    void closed(Duration after) throws Exception {
        events.publish(Topics.INCIDENT_EVENTS, id, new IncidentClosedEvent(id, targets, "done", "alice",
                declaredAt.plus(after)));
    }

    void cancelled(Duration after) throws Exception {
        events.publish(Topics.INCIDENT_EVENTS, id, new IncidentCancelledEvent(id, targets, "false alarm", "alice",
                declaredAt.plus(after)));
    }
}
