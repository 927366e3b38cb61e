package org.drcc.metrics.query;

import static org.drcc.metrics.query.IncidentFacts.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.drill.DrillEvent;
import org.drcc.contract.drill.DrillFailedEvent;
import org.drcc.contract.drill.DrillIncidentDeclaredEvent;
import org.drcc.contract.drill.DrillPassedEvent;
import org.drcc.contract.drill.DrillStartedEvent;
import org.drcc.metrics.figures.DrillFact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * drill_fact: one row per drill, from {@code dr.drill.events}, inside the inbox's transaction. Any event of a drill
 * creates its row from the scenario it carries, then sets its own columns (never adds), so a redelivered event or
 * events in another order leave the same row. Steps and reports are read and ignored: the outcome says it all.
 */
@Repository
public class DrillFacts {

    private final JdbcClient jdbc;

    DrillFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(DrillEvent event, String eventId) {
        String id = event.drillId();
        jdbc.sql("INSERT INTO drill_fact (drill_id, scenario) VALUES (?, ?) ON CONFLICT (drill_id) DO NOTHING")
                .params(id, event.scenario()).update();
        if (event instanceof DrillStartedEvent e) {
            set(id, "started_at = ?, trigger = ?", ts(e.occurredAt()), e.trigger());
        } else if (event instanceof DrillIncidentDeclaredEvent e) {
            set(id, "incident_id = ?", e.incidentId());
        } else if (event instanceof DrillPassedEvent e) {
            set(id, "passed_at = ?, passed_event_id = ?, incident_id = COALESCE(incident_id, ?)",
                    ts(e.occurredAt()), eventId, e.incidentId());
        } else if (event instanceof DrillFailedEvent e) {
            set(id, "failed_at = ?, failed_event_id = ?, failure_reason = ?, incident_id = COALESCE(incident_id, ?)",
                    ts(e.occurredAt()), eventId, e.reason(), e.incidentId());
        }
    }

    /** The drills whose outcome (failure, else pass) falls in [from, to); drills still running are in none. */
    public List<DrillFact> finishedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT * FROM drill_fact WHERE COALESCE(failed_at, passed_at) >= ?
                            AND COALESCE(failed_at, passed_at) < ? ORDER BY COALESCE(failed_at, passed_at), drill_id""")
                .params(ts(from), ts(to)).query(DrillFacts::fact).list();
    }

    /** Forgets every fact, for a replay from the beginning of the topics. */
    void deleteAll() {
        jdbc.sql("DELETE FROM drill_fact").update();
    }

    /** {@code assignments} is constant SQL of this class, never request input. */
    private void set(String drillId, String assignments, Object... values) {
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = drillId;
        jdbc.sql("UPDATE drill_fact SET " + assignments + " WHERE drill_id = ?").params(params).update();
    }

    private static DrillFact fact(ResultSet rs, int row) throws SQLException {
        boolean failed = rs.getTimestamp("failed_at") != null;
        return new DrillFact(rs.getString("drill_id"), rs.getString("scenario"), rs.getString("trigger"),
                instant(rs, "started_at"), rs.getString("incident_id"), instant(rs, "passed_at"),
                instant(rs, "failed_at"), rs.getString("failure_reason"),
                rs.getString(failed ? "failed_event_id" : "passed_event_id"));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
