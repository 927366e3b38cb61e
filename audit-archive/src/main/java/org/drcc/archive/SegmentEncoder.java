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
 * payload. The same records always give the same bytes (Java's gzip header carries no time), so a
 * segment rewritten after a crash is identical to the first write.
 */
final class SegmentEncoder {

    private final ObjectMapper json;

    SegmentEncoder(ObjectMapper json) {
        this.json = json;
    }

    byte[] encode(List<ConsumerRecord<String, String>> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (ConsumerRecord<String, String> record : records) {
                gzip.write(json.writeValueAsBytes(line(record)));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
