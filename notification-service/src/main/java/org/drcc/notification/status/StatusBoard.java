package org.drcc.notification.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status page's read model, projected from the incident events inside the inbox transaction,
 * so each event counts once; the event id as key makes a repeat a no-op even past the inbox. The public
 * updates people publish are written here too, with who published them (never shown).
 */
@Repository
public class StatusBoard {

    private static final String INCIDENTS = "SELECT incident_id, scenario_id, public_title, status, declared_at,"
            + " updated_at FROM status_incident ";

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
            String scenario = event instanceof IncidentDeclaredEvent d ? d.scenarioId()
                    : event.targets() == null ? null : event.targets().scenarioId();
            Timestamp at = Timestamp.from(u.occurredAt());
            jdbc.sql("""
                            INSERT INTO status_incident (incident_id, scenario_id, status, declared_at, updated_at)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING""")
                    .params(u.incidentId(), scenario, u.status(),
                            event instanceof IncidentDeclaredEvent ? at : null, at).update();
            int added = jdbc.sql("""
                            INSERT INTO status_update (event_id, incident_id, status, text, occurred_at)
                            VALUES (?, ?, ?, NULL, ?) ON CONFLICT (event_id) DO NOTHING""")
                    .params(eventId, u.incidentId(), u.status(), at).update();
            if (added == 0) {
                return;
            }
            if (event instanceof IncidentDeclaredEvent) {
                jdbc.sql("UPDATE status_incident SET scenario_id = ?, declared_at = ? WHERE incident_id = ?")
                        .params(scenario, at, u.incidentId()).update();
            } else {
                // a phase moves the status on, unless the incident already ended (a late event)
                jdbc.sql("""
                                UPDATE status_incident SET status = ? WHERE incident_id = ?
                                AND status NOT IN ('closed', 'cancelled')""")
                        .params(u.status(), u.incidentId()).update();
            }
            touch(u.incidentId(), at);
        });
    }

    /**
     * Publishes {@code text} (and, if given, a public title) for the incident, as written: a person decided it
     * is for the public. Empty when the page does not show the incident (unknown, or a drill).
     */
    @Transactional
    public Optional<StatusView.IncidentView> publish(String incidentId, String text, String publicTitle,
                                                               String publishedBy) {
        Instant now = clock.instant();
        if (incident(incidentId).isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                        INSERT INTO status_update (event_id, incident_id, status, text, occurred_at, published_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params("public:" + UUID.randomUUID(), incidentId, StatusRules.UPDATE, text, Timestamp.from(now),
                        publishedBy).update();
        if (publicTitle != null && !publicTitle.isBlank()) {
            jdbc.sql("UPDATE status_incident SET public_title = ? WHERE incident_id = ?")
                    .params(publicTitle.strip(), incidentId).update();
        }
        touch(incidentId, Timestamp.from(now));
        return shown(incidentId, List.of());
    }

    /** The incident as the public would read it after {@link #publish} with these values; nothing is stored. */
    public Optional<StatusView.IncidentView> preview(String incidentId, String text, String publicTitle) {
        Instant now = clock.instant();
        return incident(incidentId).flatMap(row -> {
            StatusView.IncidentRow changed = publicTitle == null || publicTitle.isBlank() ? row
                    : new StatusView.IncidentRow(row.incidentId(), row.scenarioId(), publicTitle.strip(), row.status(),
                    row.declaredAt(), now);
            return shown(changed, List.of(new PublicUpdate("preview", incidentId, StatusRules.UPDATE, text, now)));
        });
    }

    public StatusView view() {
        List<StatusView.IncidentRow> incidents = jdbc.sql(INCIDENTS + """
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

    private Optional<StatusView.IncidentRow> incident(String incidentId) {
        return jdbc.sql(INCIDENTS + "WHERE incident_id = ?").param(incidentId)
                .query(StatusView.IncidentRow.class).optional();
    }

    private Optional<StatusView.IncidentView> shown(String incidentId, List<PublicUpdate> extra) {
        return incident(incidentId).flatMap(row -> shown(row, extra));
    }

    private Optional<StatusView.IncidentView> shown(StatusView.IncidentRow row, List<PublicUpdate> extra) {
        List<PublicUpdate> updates = new ArrayList<>(jdbc.sql("""
                        SELECT event_id, incident_id, status, text, occurred_at FROM status_update
                        WHERE incident_id = ?""").param(row.incidentId()).query(PublicUpdate.class).list());
        updates.addAll(extra);
        return Optional.of(StatusView.incident(settings, row, updates));
    }

    private void touch(String incidentId, Timestamp at) {
        jdbc.sql("UPDATE status_incident SET updated_at = GREATEST(updated_at, ?) WHERE incident_id = ?")
                .params(at, incidentId).update();
    }
}
