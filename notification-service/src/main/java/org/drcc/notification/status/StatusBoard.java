package org.drcc.notification.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.notification.StatusUpdatePublishedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The status page's read model, projected from the incident events inside the inbox transaction,
 * so each event counts once; the event id as key makes a repeat a no-op even past the inbox. The public
 * updates people publish are written here too, with who published them (never shown).
 */
@Repository
@ProcessingGroup(StatusBoard.GROUP)
public class StatusBoard {

    /** The processing group of the published updates (subscribing, never skips: see application.yml). */
    public static final String GROUP = "status-page";

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
            broadcast(eventId, u.incidentId(), u.status(), null, at);
        });
    }

    /** Whether the page shows the incident (known here, and no drill): only then can an update be published. */
    public boolean shows(String incidentId) {
        return incident(incidentId).isPresent();
    }

    /** The incident as the public page shows it now. */
    public Optional<StatusView.IncidentView> shown(String incidentId) {
        return shown(incidentId, List.of());
    }

    /**
     * A published update, written as the person wrote it: they decided it is for the public. In the command's
     * transaction (a subscribing group that never skips), so the page shows it once the publish call answers.
     */
    @EventHandler
    void on(StatusUpdatePublishedEvent e) {
        Timestamp at = Timestamp.from(e.occurredAt());
        jdbc.sql("""
                        INSERT INTO status_update (event_id, incident_id, status, text, occurred_at, published_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(e.notificationId(), e.incidentId(), StatusRules.UPDATE, e.text(), at, e.publishedBy()).update();
        if (e.publicTitle() != null) {
            jdbc.sql("UPDATE status_incident SET public_title = ? WHERE incident_id = ?")
                    .params(e.publicTitle(), e.incidentId()).update();
        }
        touch(e.incidentId(), at);
        broadcast(e.notificationId(), e.incidentId(), StatusRules.UPDATE, e.text(), at);
    }

    /**
     * A line the page added, owed to its confirmed subscribers (told by {@code subscription/SubscriberFanOut}): in
     * the same transaction as the line, so a line is told of exactly when it is on the page.
     */
    private void broadcast(String eventId, String incidentId, String status, String text, Timestamp at) {
        jdbc.sql("""
                        INSERT INTO status_broadcast (event_id, incident_id, status, text, occurred_at, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(eventId, incidentId, status, text, at, Timestamp.from(clock.instant())).update();
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
        // the current incidents, those of the uptime bars' days (for their outages and the past incidents), the feed's;
        // each arm an index's (V83): an IN (SELECT ...) among the ORs is a hashed pass over every incident ever shown
        Timestamp since = Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(StatusView.DAYS)));
        List<StatusView.IncidentRow> incidents = jdbc.sql(INCIDENTS + """
                         WHERE status NOT IN ('closed', 'cancelled') OR declared_at >= ? OR incident_id = ANY (ARRAY(
                         SELECT incident_id FROM status_update ORDER BY occurred_at DESC LIMIT ?))""")
                .params(since, Math.max(1, settings.feedSize()))
                .query(StatusView.IncidentRow.class).list();
        // every line of these: the feed's newest among them, and each outage's end (an old incident in the feed only by
        // a late update had its outage read as going on, and its components shown down for all the bars' days)
        List<PublicUpdate> updates = jdbc.sql("""
                        SELECT event_id, incident_id, status, text, occurred_at FROM status_update
                        WHERE incident_id = ANY (?)""")
                .param(incidents.stream().map(StatusView.IncidentRow::incidentId).toArray(String[]::new))
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
