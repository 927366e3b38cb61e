package org.drcc.incident.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.jdbc.TransactionBatches;
import org.drcc.kit.kafka.ContractTypes;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

/** Every incident event in one table, for audit queries across incidents by actor, type and time. */
@Component
@ProcessingGroup("audit-log")
public class AuditLogProjection {

    private static final String COLUMNS = "event_id, incident_id, sequence, type, actor, occurred_at, data::text AS data";

    private final JdbcClient jdbc;
    private final TransactionBatches writes;
    private final JdbcClient streaming;
    private final ObjectMapper json;

    AuditLogProjection(JdbcClient jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = new TransactionBatches(new JdbcTemplate(dataSource));
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        this.streaming = JdbcClient.create(cursor);
        this.json = json;
    }

    /** Sent with the other events of the processor's batch, in one round trip, when its transaction commits. */
    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber long sequence) throws JsonProcessingException {
        writes.add(0, """
                        INSERT INTO audit_event (event_id, incident_id, sequence, type, actor, occurred_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), event.incidentId(), sequence, ContractTypes.typeOf(event.getClass()),
                event.actor(), Timestamp.from(event.occurredAt()), json.writeValueAsString(event));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE audit_event").update();
    }

    public Page<AuditEvent> find(AuditFilter filter, int page, int size) {
        SqlFilter where = where(filter);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where.where()).params(where.params())
                .query(Long.class).single();
        List<AuditEvent> items = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + where.where()
                        + " ORDER BY occurred_at, incident_id, sequence LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", size).param("offset", (long) page * size)
                .query(AuditEvent.class).list();
        return new Page<>(items, page, size, total);
    }

    /**
     * Every match, oldest first, handed over one at a time through a database cursor (a transaction and
     * a fetch size), so an export of years of trail does not sit in memory.
     */
    @Transactional(readOnly = true)
    public void export(AuditFilter filter, Consumer<AuditEvent> sink) {
        SqlFilter where = where(filter);
        try (var rows = streaming.sql("SELECT " + COLUMNS + " FROM audit_event" + where.where()
                        + " ORDER BY occurred_at, incident_id, sequence")
                .params(where.params()).query(AuditEvent.class).stream()) {
            rows.forEach(sink);
        }
    }

    private static SqlFilter where(AuditFilter filter) {
        return new SqlFilter().equal("incident_id", filter.incidentId()).equal("actor", filter.actor())
                .equal("type", filter.type()).range("occurred_at", filter.from(), filter.to());
    }
}
