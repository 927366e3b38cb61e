package org.drcc.incident.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.Serializer;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.axon.StoredDocuments;
import org.drcc.kit.jdbc.TransactionBatches;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.kit.privacy.PersonalDataCipher;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

/**
 * Every incident event in one table, for audit queries across incidents by actor, type and time. A row's document is
 * the event as the event store holds it (its personal data sealed, as stored), taken from the stored form without
 * reading the event into its class and writing it out again: only its incident, actor and time are read from it,
 * for the columns beside it, and the actor opened. That read and rewrite (and the sealing of every personal field
 * anew) were most of a replay's time in this JVM (JFR, {@code bench/replay-benchmark}).
 */
@Component
@ProcessingGroup("audit-log")
public class AuditLogProjection {

    private static final String COLUMNS = "event_id, incident_id, sequence, type, actor, occurred_at, data::text AS data";
    /** What the columns beside a row's document are read from (the contract writes an instant as ISO-8601 text). */
    private static final List<String> COLUMN_FIELDS = List.of("incidentId", "actor", "occurredAt");

    private final JdbcClient jdbc;
    private final TransactionBatches writes;
    private final JdbcClient streaming;
    private final Serializer stored;
    private final PersonalDataCipher cipher;

    AuditLogProjection(JdbcClient jdbc, DataSource dataSource, @Qualifier("eventSerializer") Serializer stored,
                       PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.writes = new TransactionBatches(new JdbcTemplate(dataSource));
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        this.streaming = JdbcClient.create(cursor);
        this.stored = stored;
        this.cipher = cipher;
    }

    /**
     * Sent with the other events of the processor's batch, in one round trip, when its transaction commits. An event
     * read from the store is taken in its stored form (the event serializer's own bytes); one that is not (none, as
     * this processor tracks the store) would be written by that serializer.
     */
    @EventHandler(payloadType = IncidentEvent.class)
    void on(DomainEventMessage<?> message) {
        byte[] data = message.serializePayload(stored, byte[].class).getData();
        Columns columns = columns(data);
        // the stored bytes as they are, read by Jackson's byte parser and made text by PostgreSQL, not by this JVM: a
        // string of them, read by the char parser and encoded again for the driver, cost the log's threads 1.75 times
        // the CPU (JFR, bench/replay-benchmark; docs/benchmarks.md, Replay)
        writes.add(0, """
                        INSERT INTO audit_event (event_id, incident_id, sequence, type, actor, occurred_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, convert_from(?, 'UTF8')::json) ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), columns.incidentId(), message.getSequenceNumber(),
                ContractTypes.typeOf(message.getPayloadType()), cipher.open(columns.actor()),
                Timestamp.from(columns.occurredAt()), data);
    }

    private record Columns(String incidentId, String actor, Instant occurredAt) {
    }

    /** The three top-level fields every {@link IncidentEvent} has, read from its document without the rest. */
    private static Columns columns(byte[] data) {
        Map<String, String> fields = StoredDocuments.stringFields(data, COLUMN_FIELDS);
        if (fields.size() < COLUMN_FIELDS.size()) {
            throw new IllegalStateException("an incident event's document lacks its incidentId, actor or occurredAt");
        }
        return new Columns(fields.get("incidentId"), fields.get("actor"), Instant.parse(fields.get("occurredAt")));
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
