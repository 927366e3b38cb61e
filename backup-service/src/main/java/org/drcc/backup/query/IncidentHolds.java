package org.drcc.backup.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IncidentHolds {

    private static final String COLUMNS = "incident_id, scenario, drill, suspected_damage_start, held_since, released_at";

    private final JdbcClient jdbc;

    IncidentHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void hold(IncidentDeclaredEvent event) {
        jdbc.sql("INSERT INTO incident_hold (incident_id, scenario, drill, suspected_damage_start, held_since) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(event.incidentId(), event.scenarioId(), event.drill(), timestamp(event.suspectedDamageStart()),
                        timestamp(event.occurredAt()))
                .update();
    }

    /** The incident is over (closed or cancelled): its backups fall under retention again. */
    public void release(String incidentId, Instant at) {
        jdbc.sql("UPDATE incident_hold SET released_at = ? WHERE incident_id = ? AND released_at IS NULL")
                .params(Timestamp.from(at), incidentId).update();
    }

    public List<IncidentHold> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_hold ORDER BY held_since DESC")
                .query(IncidentHold.class).list();
    }

    public Optional<IncidentHold> find(String incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_hold WHERE incident_id = ?")
                .param(incidentId).query(IncidentHold.class).optional();
    }

    /** When each still-open hold began: retention keeps every backup that existed by then. */
    public List<Instant> openHoldsSince() {
        return jdbc.sql("SELECT held_since FROM incident_hold WHERE released_at IS NULL")
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
