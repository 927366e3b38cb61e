package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
}
