package org.drcc.kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Writes contract events as CloudEvents in binary mode (JSON data, key = aggregate id) and reads them back. */
public final class CloudEventRecords {

    private final ObjectMapper json;
    private final String source;

    public CloudEventRecords(ObjectMapper json, String source) {
        this.json = json;
        this.source = source;
    }

    public ProducerRecord<String, String> toRecord(String topic, String key, String eventId, Instant time, Object event) {
        return toRecord(topic, key, eventId, time, event.getClass(), write(event));
    }

    /**
     * The record of an event already written as this class writes it ({@code data}: the same mapper, its personal
     * data sealed), such as the event store's own document of it.
     */
    public ProducerRecord<String, String> toRecord(String topic, String key, String eventId, Instant time,
                                                   Class<?> eventClass, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        add(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.VERSION_1_0);
        add(record, CloudEventHeaders.ID, eventId);
        add(record, CloudEventHeaders.SOURCE, source);
        add(record, CloudEventHeaders.TYPE, ContractTypes.typeOf(eventClass));
        add(record, CloudEventHeaders.TIME, time.toString());
        add(record, CloudEventHeaders.SUBJECT, key);
        add(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    /** The event in the record, or empty when its type is one this reader does not know (a newer version). */
    public <T> Optional<T> read(ConsumerRecord<String, String> record, ContractTypes<T> types) {
        String type = header(record, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new MalformedEventException(record, "no " + CloudEventHeaders.TYPE + " header"));
        Optional<Class<? extends T>> eventClass = types.classOf(type);
        if (eventClass.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(record.value(), eventClass.get()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(record, e.getMessage());
        }
    }

    public static String eventId(ConsumerRecord<?, ?> record) {
        return header(record, CloudEventHeaders.ID)
                .orElseThrow(() -> new MalformedEventException(record, "no " + CloudEventHeaders.ID + " header"));
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
