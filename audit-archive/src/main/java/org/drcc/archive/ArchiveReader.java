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
import java.util.List;
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
    private final ArchiveReads reads;

    ArchiveReader(BucketStore store, ObjectMapper json, SegmentWriter segments, ArchiveClusters clusters, ArchiveReads reads) {
        this.reads = reads;
        this.store = store;
        this.json = json;
        this.segments = segments;
        this.clusters = clusters;
    }

    /** Hands every matching line to {@code sink} until it answers false. */
    void replay(ArchiveQuery query, Predicate<JsonNode> sink) {
        String owner = clusters.ownerOfSegmentsWithoutCluster().orElse(null);
        List<SegmentKey> keys = SegmentKey.all(store).stream()
                .filter(p -> p.checkpoint() && (query.topic() == null || query.topic().equals(p.key().topic())))
                .map(SegmentKey.Parsed::key).toList();
        // each checkpoint says whether its segment may hold a match (its time range): both are read ahead of the walk
        try (ArchiveReads.Ahead<Segment> ahead = reads.ahead(keys, key -> new Segment(key,
                query.mayHold(segments.read(key)) ? store.get(key.segment()) : null))) {
            while (ahead.hasNext()) {
                Segment next = ahead.next();
                String cluster = next.key().cluster() != null ? next.key().cluster() : owner;
                if (next.bytes() != null && !replay(next.key(), next.bytes(), cluster, query, sink)) {
                    return;
                }
            }
        }
    }

    /** A segment's key, and its bytes when its checkpoint says it may hold a match (else null). */
    private record Segment(SegmentKey key, byte[] bytes) {
    }

    private boolean replay(SegmentKey key, byte[] bytes, String cluster, ArchiveQuery query, Predicate<JsonNode> sink) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(bytes)), StandardCharsets.UTF_8))) {
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
