package org.drcc.notification.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The status page's read model, projected from the incident events inside the inbox transaction,
 * so each event counts once; the event id as key makes a repeat a no-op even past the inbox.
 */
@Repository
public class StatusBoard {

    private final JdbcClient jdbc;
    private final StatusPageSettings settings;
    private final Clock clock;

    StatusBoard(JdbcClient jdbc, StatusPageSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public void project(IncidentEvent event, String eventId) {
        StatusRules.publicUpdate(event, eventId).ifPresent(u -> {
            String title = event instanceof IncidentDeclaredEvent d ? d.title() : null;
            String scenario = event instanceof IncidentDeclaredEvent d ? d.scenarioId()
                    : event.targets() == null ? null : event.targets().scenarioId();
            String status = StatusRules.UPDATE.equals(u.status()) ? "declared" : u.status();
            Timestamp at = Timestamp.from(u.occurredAt());
            jdbc.sql("""
                            INSERT INTO status_incident (incident_id, scenario_id, title, status, declared_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING""")
                    .params(u.incidentId(), scenario, title, status,
                            event instanceof IncidentDeclaredEvent ? at : null, at).update();
            int added = jdbc.sql("""
                            INSERT INTO status_update (event_id, incident_id, status, text, occurred_at)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                    .params(eventId, u.incidentId(), u.status(), u.text(), at).update();
            if (added == 0) {
                return;
            }
            if (event instanceof IncidentDeclaredEvent) {
                jdbc.sql("""
                                UPDATE status_incident SET title = ?, scenario_id = ?, declared_at = ?
                                WHERE incident_id = ?""")
                        .params(title, scenario, at, u.incidentId()).update();
            } else if (!StatusRules.UPDATE.equals(u.status())) {
                // a phase moves the status on, unless the incident already ended (a late event)
                jdbc.sql("""
                                UPDATE status_incident SET status = ? WHERE incident_id = ?
                                AND status NOT IN ('closed', 'cancelled')""")
                        .params(u.status(), u.incidentId()).update();
            }
            jdbc.sql("UPDATE status_incident SET updated_at = GREATEST(updated_at, ?) WHERE incident_id = ?")
                    .params(at, u.incidentId()).update();
        });
    }

    public StatusView view() {
        List<StatusView.IncidentRow> incidents = jdbc.sql("""
                        SELECT incident_id, scenario_id, title, status, declared_at, updated_at FROM status_incident
                        WHERE status NOT IN ('closed', 'cancelled') OR incident_id IN (
                            SELECT incident_id FROM status_update ORDER BY occurred_at DESC LIMIT ?)""")
                .param(Math.max(1, settings.feedSize()))
                .query(StatusView.IncidentRow.class).list();
        List<PublicUpdate> updates = jdbc.sql("""
                        SELECT event_id, incident_id, status, text, occurred_at FROM status_update
                        WHERE incident_id IN (SELECT incident_id FROM status_incident
                                              WHERE status NOT IN ('closed', 'cancelled'))
                           OR event_id IN (SELECT event_id FROM status_update ORDER BY occurred_at DESC LIMIT ?)""")
                .param(Math.max(1, settings.feedSize()))
                .query(PublicUpdate.class).list();
        return StatusView.assemble(settings, clock.instant(), incidents, updates);
    }
}
