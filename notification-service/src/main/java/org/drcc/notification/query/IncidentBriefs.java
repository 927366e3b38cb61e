package org.drcc.notification.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.RoleAssignedEvent;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Phase events carry no title or severity; the declaration's are kept here for their messages, with the DR lead
 * the incident names (who may acknowledge any of its messages).
 */
@Repository
public class IncidentBriefs {

    private final JdbcClient jdbc;

    IncidentBriefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs in the inbox transaction of the event, before the policy that reads the brief. */
    public void project(IncidentEvent event) {
        if (event instanceof IncidentDeclaredEvent e) {
            jdbc.sql("""
                            INSERT INTO incident_brief (incident_id, scenario_id, title, severity, rto, declared_at, drill)
                            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING""")
                    .params(e.incidentId(), e.scenarioId(), e.title(), e.severity().name(), String.valueOf(e.rto()),
                            Timestamp.from(e.occurredAt()), e.drill())
                    .update();
        } else if (event instanceof RoleAssignedEvent e && e.role() == IncidentRole.DR_LEAD) {
            jdbc.sql("UPDATE incident_brief SET dr_lead = ? WHERE incident_id = ?")
                    .params(e.person(), e.incidentId()).update();
        } else if (event instanceof IncidentRestoredEvent || event instanceof IncidentClosedEvent
                || event instanceof IncidentCancelledEvent) {
            jdbc.sql("UPDATE incident_brief SET outage_ended_at = coalesce(outage_ended_at, ?) WHERE incident_id = ?")
                    .params(Timestamp.from(event.occurredAt()), event.incidentId()).update();
        } else if (event instanceof SeverityChangedEvent e) {
            jdbc.sql("UPDATE incident_brief SET severity = ? WHERE incident_id = ?")
                    .params(e.to().name(), e.incidentId()).update();
        }
    }

    public Optional<IncidentBrief> find(String incidentId) {
        return jdbc.sql("""
                        SELECT incident_id, scenario_id, title, severity, rto, declared_at, drill
                        FROM incident_brief WHERE incident_id = ?""")
                .param(incidentId).query(IncidentBrief.class).optional();
    }

    /**
     * The incidents whose outage goes on though they were declared before {@code declaredBefore}, and of which
     * {@code audience} has no extended-outage message yet: up to {@code limit} of them, oldest first, after
     * {@code after} (null: from the oldest), so that a caller pages through all of them.
     */
    public List<IncidentBrief> outagesDeclaredBefore(Instant declaredBefore, String audience, IncidentBrief after,
                                                     int limit) {
        // no incident of this suite was declared before 1970: the epoch stands for "from the oldest"
        Timestamp afterAt = Timestamp.from(after == null ? Instant.EPOCH : after.declaredAt());
        String afterId = after == null ? "" : after.incidentId();
        return jdbc.sql("""
                        SELECT incident_id, scenario_id, title, severity, rto, declared_at, drill FROM incident_brief b
                        WHERE outage_ended_at IS NULL AND declared_at < ? AND (declared_at, incident_id) > (?, ?)
                          AND NOT EXISTS (
                            SELECT 1 FROM notification_delivery d WHERE d.incident_id = b.incident_id
                              AND d.kind = 'extended-outage' AND d.audience = ?)
                        ORDER BY declared_at, incident_id LIMIT ?""")
                .params(Timestamp.from(declaredBefore), afterAt, afterId, audience, limit).query(IncidentBrief.class)
                .list();
    }

    /** The person the incident names as its DR lead, if it names one. */
    public Optional<String> drLead(String incidentId) {
        return jdbc.sql("SELECT dr_lead FROM incident_brief WHERE incident_id = ? AND dr_lead IS NOT NULL")
                .param(incidentId).query(String.class).optional();
    }
}
