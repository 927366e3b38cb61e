package org.drcc.metrics.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.kit.jdbc.TransactionBatches;
import org.drcc.metrics.figures.IncidentFact;
import org.drcc.metrics.figures.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The incident_fact table. Every write sets columns (never adds to them), so applying an event twice,
 * or the events of an incident in another order, leaves the same row.
 */
@Repository
public class IncidentFacts {

    private final JdbcClient jdbc;
    private final TransactionBatches writes;

    IncidentFacts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.writes = new TransactionBatches(template);
    }

    /**
     * Creates the incident's row from the targets any of its events carries, or refreshes them. Sent when the
     * transaction commits, with the other records' of a replay's batch, before any {@link #set}: the row exists
     * before its columns are set.
     */
    void targets(String incidentId, IncidentTargets t) {
        writes.add(0, """
                        INSERT INTO incident_fact (incident_id, scenario, drill, rto_seconds, rpo_seconds)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (incident_id) DO UPDATE SET scenario = excluded.scenario, drill = excluded.drill,
                            rto_seconds = excluded.rto_seconds, rpo_seconds = excluded.rpo_seconds""",
                incidentId, t.scenarioId(), t.drill(), t.rto().toSeconds(), t.rpo() == null ? null : t.rpo().toSeconds());
    }

    /**
     * {@code assignments} is constant SQL written by the projection, never request input. Sent when the transaction
     * commits, after the rows are created: each event sets columns of its own, so these commute.
     */
    void set(String incidentId, String assignments, Object... values) {
        Object[] params = new Object[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            params[i] = values[i] instanceof Instant instant ? Timestamp.from(instant) : values[i];
        }
        params[values.length] = incidentId;
        writes.add(1, "UPDATE incident_fact SET " + assignments + " WHERE incident_id = ?", params);
    }

    /** Last writer by event time wins, so a late-arriving older severity does not overwrite a newer one. */
    void severity(String incidentId, String severity, Instant at) {
        set(incidentId, "severity = CASE WHEN severity_at IS NULL OR severity_at <= ? THEN ? ELSE severity END, "
                + "severity_at = GREATEST(severity_at, ?)", at, severity, at);
    }

    /** Forgets every fact, for a replay from the beginning of the topic. */
    public void deleteAll() {
        jdbc.sql("DELETE FROM incident_fact").update();
    }

    public List<IncidentFact> all() {
        return jdbc.sql("SELECT * FROM incident_fact ORDER BY declared_at DESC NULLS LAST").query(IncidentFacts::fact)
                .list();
    }

    public Optional<IncidentFact> find(String incidentId) {
        return jdbc.sql("SELECT * FROM incident_fact WHERE incident_id = ?").param(incidentId)
                .query(IncidentFacts::fact).optional();
    }

    /**
     * The one definition of an outage that overlaps [?, ?) (its start, detection else declaration, before the end; its
     * restore, or none yet, after the start) of a real incident (drills and false alarms are none).
     */
    private static final String OUTAGE_OVERLAPS = """
            NOT drill AND cancelled_at IS NULL AND COALESCE(restored_at, 'infinity') > ? \
            AND COALESCE(detected_at, declared_at) < ?""";

    /**
     * What a period's figures read ({@code Figures.of}): the incidents declared in it, and the real ones declared
     * before it whose outage runs into it, whose downtime MTBF subtracts from the period's operating time.
     */
    public List<IncidentFact> declaredOrDownDuring(Period period) {
        return jdbc.sql("""
                        SELECT * FROM incident_fact WHERE incident_id IN (
                            SELECT incident_id FROM incident_fact WHERE declared_at >= ? AND declared_at < ?
                            UNION
                            SELECT incident_id FROM incident_fact WHERE %s)
                        ORDER BY declared_at""".formatted(OUTAGE_OVERLAPS))
                .params(Timestamp.from(period.from()), Timestamp.from(period.to()), Timestamp.from(period.from()),
                        Timestamp.from(period.to()))
                .query(IncidentFacts::fact).list();
    }

    /**
     * The real incidents (drills and false alarms are none) whose outage, from its start (detection, else declaration)
     * to its restore or on while not restored, overlaps [from, to): what the SLA reads, not the seven years before.
     */
    public List<IncidentFact> outagesDuring(Period period) {
        return jdbc.sql("SELECT * FROM incident_fact WHERE " + OUTAGE_OVERLAPS)
                .params(Timestamp.from(period.from()), Timestamp.from(period.to())).query(IncidentFacts::fact).list();
    }

    public IncidentCounts counts() {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE NOT drill AND cancelled_at IS NULL) AS incidents,
                               count(*) FILTER (WHERE drill) AS drills,
                               count(*) FILTER (WHERE NOT drill AND closed_at IS NULL AND cancelled_at IS NULL) AS open
                        FROM incident_fact WHERE declared_at IS NOT NULL""")
                .query(IncidentCounts.class).single();
    }

    private static IncidentFact fact(ResultSet rs, int row) throws SQLException {
        long rpoSeconds = rs.getLong("rpo_seconds");
        Duration rpo = rs.wasNull() ? null : Duration.ofSeconds(rpoSeconds);
        return new IncidentFact(rs.getString("incident_id"), rs.getString("scenario"), rs.getString("severity"),
                rs.getBoolean("drill"), Duration.ofSeconds(rs.getLong("rto_seconds")), rpo, instant(rs, "detected_at"),
                instant(rs, "suspected_damage_start"), instant(rs, "declared_at"), instant(rs, "restored_at"),
                instant(rs, "restore_point"), rs.getString("backup_id"), instant(rs, "closed_at"),
                instant(rs, "cancelled_at"), rs.getString("declared_event_id"), rs.getString("restored_event_id"),
                rs.getString("restore_evidence"), rs.getString("restore_source_event_id"));
    }

    /** A timestamp column's instant, or null; the facts tables all keep their times so. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
