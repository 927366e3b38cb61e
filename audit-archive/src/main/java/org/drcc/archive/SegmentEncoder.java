package org.drcc.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
                gzip.write(json.writeValueAsBytes(line(record)));
                gzip.write('\n');
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

    private ObjectNode line(ConsumerRecord<String, String> record) {
        ObjectNode line = json.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key());
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            line.set("payload", record.value() == null ? null : json.readTree(record.value()));
        } catch (JsonProcessingException notJson) {
            line.put("payloadText", record.value());
        }
        return line;
    }
}
