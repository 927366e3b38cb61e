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
