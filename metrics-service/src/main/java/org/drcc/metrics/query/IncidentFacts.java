package org.drcc.metrics.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IncidentFacts {

    private final JdbcClient jdbc;

    IncidentFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void declared(IncidentDeclaredEvent e) {
        jdbc.sql("INSERT INTO incident_fact (incident_id, scenario, severity, drill, rto_seconds, rpo_seconds, "
                        + "detected_at, suspected_damage_start, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.incidentId(), e.scenarioId(), e.severity().name(), e.drill(), e.rto().toSeconds(),
                        e.rpo() == null ? null : e.rpo().toSeconds(), timestamp(e.detectedAt()),
                        timestamp(e.suspectedDamageStart()), timestamp(e.occurredAt()))
                .update();
    }

    public List<IncidentFact> all() {
        return jdbc.sql("SELECT * FROM incident_fact ORDER BY declared_at DESC").query(IncidentFact.class).list();
    }

    public IncidentCounts counts() {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE NOT drill) AS incidents,
                               count(*) FILTER (WHERE drill) AS drills,
                               count(*) FILTER (WHERE NOT drill AND closed_at IS NULL) AS open
                        FROM incident_fact""")
                .query(IncidentCounts.class).single();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
