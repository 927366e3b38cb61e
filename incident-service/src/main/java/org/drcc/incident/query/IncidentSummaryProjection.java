package org.drcc.incident.query;

import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.drcc.incident.command.Lifecycle;
import org.drcc.kit.jdbc.TransactionBatches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The incident list, projected from the event store; a replay rebuilds it from scratch. */
@Component
@ProcessingGroup("incident-projection")
public class IncidentSummaryProjection {

    private final JdbcClient jdbc;
    private final TransactionBatches writes;

    IncidentSummaryProjection(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.writes = new TransactionBatches(template);
    }

    /**
     * Written with the other events of the processor's batch when its transaction commits: the declarations first
     * (an incident's declaration is its first event, so no update of the batch can belong before it), then the
     * updates in the order of the events.
     */
    @EventHandler
    void on(IncidentEvent event, @SequenceNumber long sequence) {
        if (event instanceof IncidentDeclaredEvent e) {
            writes.add(0, """
                            INSERT INTO incident_summary (id, scenario, title, severity, status, drill, declared_at,
                                                          updated_at, version)
                            VALUES (?, ?, ?, ?, 'DECLARED', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                    e.incidentId(), e.scenarioId(), e.title(), e.severity().name(), e.drill(),
                    Timestamp.from(e.occurredAt()), Timestamp.from(e.occurredAt()), sequence);
            return;
        }
        String status = Lifecycle.statusAfter(event).map(Enum::name).orElse(null);
        String severity = event instanceof SeverityChangedEvent s ? s.to().name() : null;
        writes.add(1, """
                        UPDATE incident_summary SET status = coalesce(?, status), severity = coalesce(?, severity),
                               updated_at = ?, version = ?
                        WHERE id = ? AND version < ?""",
                status, severity, Timestamp.from(event.occurredAt()), sequence, event.incidentId(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE incident_summary").update();
    }

    public Page<IncidentSummary> find(IncidentFilter filter, int page, int size) {
        SqlFilter where = new SqlFilter().equal("status", filter.status()).equal("scenario", filter.scenario())
                .equal("severity", filter.severity()).range("declared_at", filter.from(), filter.to());
        long total = jdbc.sql("SELECT count(*) FROM incident_summary" + where.where()).params(where.params())
                .query(Long.class).single();
        List<IncidentSummary> items = jdbc.sql("SELECT * FROM incident_summary" + where.where()
                        + " ORDER BY declared_at DESC, id LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", size).param("offset", (long) page * size)
                .query(IncidentSummary.class).list();
        return new Page<>(items, page, size, total);
    }
}
