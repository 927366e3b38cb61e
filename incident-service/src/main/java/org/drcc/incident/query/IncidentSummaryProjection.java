package org.drcc.incident.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.serialization.Serializer;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.drcc.incident.command.Lifecycle;
import org.drcc.kit.axon.StoredDocuments;
import org.drcc.kit.jdbc.TransactionBatches;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The incident list, projected from the event store; a replay rebuilds it from scratch. */
@Component
@ProcessingGroup("incident-projection")
public class IncidentSummaryProjection {

    /** What an update of the row reads from an event's stored document. */
    private static final List<String> ROW_FIELDS = List.of("incidentId", "occurredAt");

    /**
     * An open incident's row: "status NOT IN ('CLOSED', 'CANCELLED')", the final states of the lifecycle, as the
     * partial index of V83 names them (the text must imply the index's condition for PostgreSQL to use it).
     */
    static final String OPEN = Arrays.stream(IncidentStatus.values()).filter(s -> !Lifecycle.isOpen(s))
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "status NOT IN (", ")"));

    private final JdbcClient jdbc;
    private final TransactionBatches writes;
    /** The event store's serializer: a stored event's document as it holds it. */
    private final Serializer stored;

    IncidentSummaryProjection(JdbcClient jdbc, JdbcTemplate template, @Qualifier("eventSerializer") Serializer stored) {
        this.jdbc = jdbc;
        this.stored = stored;
        this.writes = new TransactionBatches(template);
    }

    /**
     * Written with the other events of the processor's batch when its transaction commits: the declarations first
     * (an incident's declaration is its first event, so no update of the batch can belong before it), then the
     * updates in the order of the events. Only the declaration and a change of severity are read into their classes;
     * of any other event the row needs its type, its incident and its time, read from the document as stored: the
     * declaration's checklist event carries the plan's whole checklist, and reading it into its class was most of this
     * processor's time (JFR, {@code docs/benchmarks.md}, API).
     */
    @EventHandler(payloadType = IncidentEvent.class)
    void on(EventMessage<?> message, @SequenceNumber long sequence) {
        Class<?> type = message.getPayloadType();
        if (type == IncidentDeclaredEvent.class) {
            IncidentDeclaredEvent e = (IncidentDeclaredEvent) message.getPayload();
            writes.add(0, """
                            INSERT INTO incident_summary (id, scenario, title, severity, status, drill, declared_at,
                                                          updated_at, version)
                            VALUES (?, ?, ?, ?, 'DECLARED', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                    e.incidentId(), e.scenarioId(), e.title(), e.severity().name(), e.drill(),
                    Timestamp.from(e.occurredAt()), Timestamp.from(e.occurredAt()), sequence);
            return;
        }
        String status = Lifecycle.statusAfter(type).map(Enum::name).orElse(null);
        String severity = type == SeverityChangedEvent.class
                ? ((SeverityChangedEvent) message.getPayload()).to().name() : null;
        Map<String, String> fields = StoredDocuments.stringFields(
                message.serializePayload(stored, String.class).getData(), ROW_FIELDS);
        if (fields.size() < ROW_FIELDS.size()) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " lacks one of " + ROW_FIELDS);
        }
        writes.add(1, """
                        UPDATE incident_summary SET status = coalesce(?, status), severity = coalesce(?, severity),
                               updated_at = ?, version = ?
                        WHERE id = ? AND version < ?""",
                status, severity, Timestamp.from(Instant.parse(fields.get("occurredAt"))), sequence,
                fields.get("incidentId"), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE incident_summary").update();
    }

    public Page<IncidentSummary> find(IncidentFilter filter, int page, int size) {
        SqlFilter where = new SqlFilter().equal("status", filter.status()).holds(filter.open(), OPEN)
                .equal("scenario", filter.scenario())
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
