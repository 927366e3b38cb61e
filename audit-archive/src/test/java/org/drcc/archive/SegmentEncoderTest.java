package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class SegmentEncoderTest {

    private final SegmentEncoder encoder = new SegmentEncoder(new ObjectMapper());

    private static ConsumerRecord<String, String> record(long offset, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("dr.backup.events", 1, offset, "b-1", value);
        record.headers().add("ce_type", "dr.backup.verified.v1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void theSameRecordsGiveTheSameBytesSoARewriteIsIdentical() {
        List<ConsumerRecord<String, String>> records = List.of(record(0, "{\"a\":1}"), record(1, "{\"a\":2}"));
        assertThat(encoder.encode(records)).isEqualTo(encoder.encode(List.of(record(0, "{\"a\":1}"), record(1, "{\"a\":2}"))));
    }

    /**
     * A segment written without its checkpoint by the release before is rewritten after an upgrade, and the Object
     * Lock keeps the first write: the bytes must not change between releases. This SHA-256 is that of the segment
     * below as the release before encoded it (all records at once; now they go in as they arrive).
     */
    @Test
    void aSegmentFilledRecordByRecordHasTheBytesTheReleaseBeforeWrote() {
        SegmentEncoder.Open segment = encoder.open();
        for (long o = 0; o < 3; o++) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>("dr.incident.events", 2, 40 + o, "incident-7",
                    o == 2 ? "not json" : "{\"incidentId\":\"incident-7\",\"n\":" + o + ",\"title\":\"Caf\u00e9 \\u00e9\"}");
            record.headers().add("ce_type", "dr.incident.declared.v1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", ("e-" + o).getBytes(StandardCharsets.UTF_8));
            segment.add(record);
        }
        byte[] bytes = segment.finish().bytes();
        assertThat(bytes).hasSize(225);
        assertThat(SegmentWriter.sha256(bytes)).isEqualTo("6131af8d3ba9d4a56f7f076bf7eaba0769a5260a7cfd46a09fdf608e84965b50");
    }

    @Test
    void eachLineHoldsThePlaceInKafkaTheHeadersAndThePayload() throws Exception {
        byte[] gz = encoder.encode(List.of(record(7, "{\"a\":1}"), record(8, "not json")));
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(2);
        assertThat(text.lines().findFirst().orElseThrow()).contains("\"topic\":\"dr.backup.events\"", "\"partition\":1",
                "\"offset\":7", "\"ce_type\":\"dr.backup.verified.v1\"", "\"payload\":{\"a\":1}");
        assertThat(text).contains("\"payloadText\":\"not json\"");
    }

    /**
     * Each line is streamed, not read into a tree and written again: its bytes must stay those the tree gave (the
     * releases before), for every kind of payload, so a segment rewritten after an upgrade is identical.
     */
    @Test
    void aStreamedLineHasTheBytesOfTheTreeTheReleasesBeforeWrote() throws Exception {
        List<String> payloads = java.util.Arrays.asList("{\"a\":1}", "not json", "", "  ", "null", "42", "\"text\"",
                "{\"a\":1} and trailing words", "{\"a\": [1, 2.50, -0.0, 1e400, 12345678901234567890123, true, null]}",
                "{\"nested\":{\"deep\":[{\"x\":\"\\u0000\\t\\\"quoted\\\" \\ud83d\\ude92 Caf\u00e9\"}]},\"empty\":{},\"none\":[]}",
                "{\"unclosed\":[1,2", "{\n  \"pretty\" : \"printed\"\n}", null);
        for (int i = 0; i < payloads.size(); i++) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>("dr.incident.events", 0, i, i % 2 == 0 ? "k" : null,
                    payloads.get(i));
            record.headers().add("ce_type", "dr.incident.declared.v1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_empty", null);
            assertThat(new String(ungzip(encoder.encode(List.of(record))), StandardCharsets.UTF_8))
                    .as("payload %s", payloads.get(i))
                    .isEqualTo(new String(treeLine(record), StandardCharsets.UTF_8));
        }
    }

    private static byte[] ungzip(byte[] gz) throws Exception {
        return new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
    }

    /** A line as the releases before wrote it: the record read into a tree, then written. */
    private static byte[] treeLine(ConsumerRecord<String, String> record) throws Exception {
        ObjectMapper json = new ObjectMapper();
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(json.writeValueAsBytes(line));
        bytes.write('\n');
        return bytes.toByteArray();
    }
}
