package org.drcc.archive;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A segment's bytes: gzip of one JSON line per CloudEvent, with its place in Kafka, its headers and its
 * payload. The same records always give the same bytes (Java's gzip header carries no time, and each line goes
 * into the compressor in the same calls however long the segment stays open), so a segment rewritten after a
 * crash is identical to the first write.
 *
 * <p>A line is written with Jackson's streaming generator, the payload copied token by token from its parser: the
 * bytes are those a tree (read, then written) gives, without building the tree, which for the busiest records (a
 * declaration's checklist) cost the archiver a third of its time. One difference, for payloads no producer of the
 * contract writes: a field (or header) repeated in one object is kept twice where the tree kept the last value.
 */
final class SegmentEncoder {

    private final ObjectMapper json;

    SegmentEncoder(ObjectMapper json) {
        this.json = json;
    }

    /** The bytes of a whole segment at once. */
    byte[] encode(List<ConsumerRecord<String, String>> records) {
        Open segment = open();
        records.forEach(segment::add);
        return segment.finish().bytes();
    }

    /**
     * A segment whose records are compressed as they arrive, so that while it waits for its cut (up to
     * {@code dr.archive.segment-events} events or {@code segment-age}) it holds compressed bytes, not the records:
     * a burst's records then die young instead of filling the old generation for the collector to empty in a full
     * collection that stops the whole service (see {@code docs/benchmarks.md}, API).
     */
    Open open() {
        return new Open();
    }

    /** A finished segment: its bytes and what its checkpoint says of the records in it. */
    record Encoded(String topic, int partition, long firstOffset, long lastOffset, int count, Instant firstTimestamp,
                   Instant lastTimestamp, byte[] bytes) {
    }

    final class Open {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        /** The line being written, reused: a record's line goes into the compressor in one call, as before. */
        private final ByteArrayBuilder line = new ByteArrayBuilder();
        private final GZIPOutputStream gzip;
        private String topic;
        private int partition;
        private long firstOffset;
        private long lastOffset;
        private long firstTimestamp;
        private long lastTimestamp;
        private int count;

        private Open() {
            try {
                gzip = new GZIPOutputStream(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(ConsumerRecord<String, String> record) {
            try {
                line.reset();
                write(record, line);
                line.write('\n');
                gzip.write(line.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (count == 0) {
                topic = record.topic();
                partition = record.partition();
                firstOffset = record.offset();
                firstTimestamp = record.timestamp();
            }
            lastOffset = record.offset();
            lastTimestamp = record.timestamp();
            count++;
        }

        int count() {
            return count;
        }

        long lastOffset() {
            return lastOffset;
        }

        Encoded finish() {
            try {
                gzip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Encoded(topic, partition, firstOffset, lastOffset, count, Instant.ofEpochMilli(firstTimestamp),
                    Instant.ofEpochMilli(lastTimestamp), bytes.toByteArray());
        }

        /** Frees the compressor of a segment that will not be written (its records are read again from Kafka). */
        void discard() {
            try {
                gzip.close();
            } catch (IOException e) {
                // nothing to keep: the bytes are dropped
            }
        }
    }

    /**
     * Writes a record's line into {@code out}: the payload as JSON if it parses (its first value, as a tree read
     * took it), else as text under {@code payloadText}.
     */
    private void write(ConsumerRecord<String, String> record, ByteArrayBuilder out) throws IOException {
        if (record.value() != null) {
            try {
                writeLine(record, out, true);
                return;
            } catch (JsonProcessingException notJson) {
                out.reset();
            }
        }
        writeLine(record, out, false);
    }

    private void writeLine(ConsumerRecord<String, String> record, ByteArrayBuilder out, boolean payloadAsJson)
            throws IOException {
        try (JsonGenerator line = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            line.writeStartObject();
            line.writeStringField("topic", record.topic());
            line.writeNumberField("partition", record.partition());
            line.writeNumberField("offset", record.offset());
            line.writeStringField("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
            line.writeStringField("key", record.key());
            line.writeObjectFieldStart("headers");
            for (Header header : record.headers()) {
                line.writeStringField(header.key(),
                        header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            line.writeEndObject();
            if (record.value() == null) {
                line.writeNullField("payload");
            } else if (payloadAsJson) {
                line.writeFieldName("payload");
                try (JsonParser payload = json.getFactory().createParser(record.value())) {
                    if (payload.nextToken() == null) {
                        line.writeNull(); // an empty payload: a tree read it as missing, written as null
                    } else {
                        line.copyCurrentStructure(payload);
                    }
                }
            } else {
                line.writeStringField("payloadText", record.value());
            }
            line.writeEndObject();
        }
    }
}
