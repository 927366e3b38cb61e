package org.drcc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Replays archived events, Kafka cluster by cluster (those from before cluster ids first), segment by segment in
 * topic, partition and offset order, skipping segments that end before the range; each line says the cluster it was
 * read from ({@code cluster}). After a new cluster the relays republish their stores, so an event archived from the
 * old cluster comes again, with the same {@code ce_id}, from the new one. It reads what is stored: verify proves it
 * untouched.
 */
class ArchiveReader {

    private final BucketStore store;
    private final ObjectMapper json;
    private final SegmentWriter segments;
    private final ArchiveClusters clusters;

    ArchiveReader(BucketStore store, ObjectMapper json, SegmentWriter segments, ArchiveClusters clusters) {
        this.store = store;
        this.json = json;
        this.segments = segments;
        this.clusters = clusters;
    }

    /** Hands every matching line to {@code sink} until it answers false. */
    void replay(ArchiveQuery query, Predicate<JsonNode> sink) {
        String owner = clusters.ownerOfSegmentsWithoutCluster().orElse(null);
        for (SegmentKey.Parsed parsed : SegmentKey.all(store)) {
            if (!parsed.checkpoint() || (query.topic() != null && !query.topic().equals(parsed.key().topic()))) {
                continue;
            }
            SegmentCheckpoint checkpoint = segments.read(parsed.key());
            String cluster = parsed.key().cluster() != null ? parsed.key().cluster() : owner;
            if (query.mayHold(checkpoint) && !replay(parsed.key(), cluster, query, sink)) {
                return;
            }
        }
    }

    private boolean replay(SegmentKey key, String cluster, ArchiveQuery query, Predicate<JsonNode> sink) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(store.get(key.segment()))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                ObjectNode event = (ObjectNode) json.readTree(line);
                event.put("cluster", cluster);
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
