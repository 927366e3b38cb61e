package org.drcc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.drcc.kit.s3.BucketStore;

/**
 * Replays archived events, segment by segment in topic, partition and offset order, skipping segments that
 * end before the range. It reads what is stored: verify proves it untouched.
 */
class ArchiveReader {

    private final BucketStore store;
    private final ObjectMapper json;
    private final SegmentWriter segments;

    ArchiveReader(BucketStore store, ObjectMapper json, SegmentWriter segments) {
        this.store = store;
        this.json = json;
        this.segments = segments;
    }

    /** Hands every matching line to {@code sink} until it answers false. */
    void replay(ArchiveQuery query, Predicate<JsonNode> sink) {
        for (String key : store.list("segments/")) {
            SegmentKey.Parsed parsed = SegmentKey.parse(key).orElse(null);
            if (parsed == null || !parsed.checkpoint() || (query.topic() != null && !query.topic().equals(parsed.key().topic()))) {
                continue;
            }
            SegmentCheckpoint checkpoint = segments.read(parsed.key());
            if (query.mayHold(checkpoint) && !replay(parsed.key(), query, sink)) {
                return;
            }
        }
    }

    private boolean replay(SegmentKey key, ArchiveQuery query, Predicate<JsonNode> sink) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(store.get(key.segment()))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode event = json.readTree(line);
                if (query.matches(event) && !sink.test(event)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable segment " + key.segment(), e);
        }
    }
}
