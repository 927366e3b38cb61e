package org.drcc.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.web.EngineDown;

/**
 * Checks the archive on its own, the chains of every Kafka cluster it holds: per partition, the checkpoints'
 * signatures, each segment's SHA-256, the chain of segment hashes and the offsets running on without a gap; then,
 * where Kafka can be asked, that the current cluster's chains reach as far as the archiver says it archived.
 * Reports the first break of each cluster.
 */
class ArchiveVerifier {

    private final BucketStore store;
    private final ObjectMapper json;
    private final ChainSigner signer;
    private final ArchiveClusters clusters;
    private final Clock clock;
    private final Function<String, Map<String, Long>> committedOffsets;
    private final ArchiveReads reads;

    /** @param committedOffsets the archiver group's committed offsets by "topic/partition" (may throw) */
    ArchiveVerifier(BucketStore store, ObjectMapper json, ChainSigner signer, ArchiveClusters clusters, Clock clock,
                    Function<String, Map<String, Long>> committedOffsets, ArchiveReads reads) {
        this.reads = reads;
        this.store = store;
        this.json = json;
        this.signer = signer;
        this.clusters = clusters;
        this.clock = clock;
        this.committedOffsets = committedOffsets;
    }

    ArchiveReport verify(String groupId) {
        // the archiver commits an offset only after its segment and checkpoint are written: asked first, Kafka's
        // offsets are then all covered by the listing below, even while the archiver writes on (asked after, a
        // segment written in between would look deleted)
        List<String> notes = new ArrayList<>();
        Map<String, Long> committed = committed(groupId, notes);
        // by the cluster name in the keys ("" for the layout from before cluster ids), then by partition
        Map<String, Map<String, PartitionObjects>> byCluster = new TreeMap<>();
        for (SegmentKey.Parsed parsed : SegmentKey.all(store)) {
            SegmentKey k = parsed.key();
            PartitionObjects objects = byCluster.computeIfAbsent(k.cluster() == null ? "" : k.cluster(), c -> new TreeMap<>())
                    .computeIfAbsent(k.topic() + "/" + k.partition(), p -> new PartitionObjects());
            (parsed.checkpoint() ? objects.checkpoints : objects.segments).put(k.firstOffset(), k);
        }
        String owner = clusters.ownerOfSegmentsWithoutCluster().orElse(null);
        String current = current(notes);
        String currentChains = current == null ? null : current.equals(owner) ? "" : current;
        if (currentChains != null) {
            byCluster.computeIfAbsent(currentChains, c -> new TreeMap<>());
        }
        List<ClusterReport> reports = new ArrayList<>();
        for (Map.Entry<String, Map<String, PartitionObjects>> chains : byCluster.entrySet()) {
            Tally tally = new Tally();
            ArchiveBreak broken = null;
            for (PartitionObjects objects : chains.getValue().values()) {
                broken = walk(objects, tally);
                if (broken != null) {
                    break;
                }
            }
            boolean isCurrent = chains.getKey().equals(currentChains);
            if (broken == null && isCurrent) {
                broken = againstKafka(committed, chains.getValue(), chains.getKey().isEmpty() ? null : current);
            }
            boolean beforeIds = chains.getKey().isEmpty();
            reports.add(new ClusterReport(beforeIds ? owner : chains.getKey(), isCurrent, beforeIds, chains.getValue().size(),
                    tally.segments, tally.events, tally.firstTime, tally.lastTime, broken == null, broken));
        }
        reports.sort(Comparator.comparing(ClusterReport::firstTime, Comparator.nullsLast(Comparator.naturalOrder())));
        ArchiveBreak first = reports.stream().map(ClusterReport::firstBreak).filter(Objects::nonNull).findFirst().orElse(null);
        return new ArchiveReport(first == null, reports.stream().mapToInt(ClusterReport::partitions).sum(),
                reports.stream().mapToLong(ClusterReport::segmentsChecked).sum(),
                reports.stream().mapToLong(ClusterReport::eventsChecked).sum(), clock.instant(), first, reports, notes);
    }

    /** The cluster Kafka answers for now, or null (and a note) while it cannot be asked. */
    private String current(List<String> notes) {
        try {
            return clusters.current();
        } catch (RuntimeException e) {
            notes.add("Kafka not reachable: which cluster is current is not known, and the end of its chains was not "
                    + "compared with the archiver's offsets");
            return null;
        }
    }

    private ArchiveBreak walk(PartitionObjects objects, Tally tally) {
        String previous = SegmentCheckpoint.GENESIS;
        Long expectedFirst = null;
        // the next segments' objects are on their way while one is checked; those read ahead of a break are dropped
        try (ArchiveReads.Ahead<Fetched> ahead = reads.ahead(objects.checkpoints.values(), key -> {
            Read checkpoint = read(key.checkpoint());
            // a checkpoint that cannot be read ends the walk there: its segment is not asked for (on a store that does
            // not answer, that would double the wait before the outage is said)
            boolean segment = checkpoint.failure() == null && objects.segments.containsKey(key.firstOffset());
            return new Fetched(checkpoint, segment ? read(key.segment()) : null);
        })) {
            for (SegmentKey key : objects.checkpoints.values()) {
                Fetched fetched = ahead.next();
                if (expectedFirst != null && key.firstOffset() != expectedFirst) {
                    return gap(objects, key, expectedFirst);
                }
                SegmentCheckpoint checkpoint;
                try {
                    checkpoint = json.readValue(fetched.checkpoint(), SegmentCheckpoint.class);
                } catch (IOException | RuntimeException e) {
                    if (EngineDown.of(e).isPresent()) {
                        throw e instanceof RuntimeException r ? r : new IllegalStateException(e); // an outage, no forgery
                    }
                    return at("FORGED_CHECKPOINT", key, key.checkpoint(), "the checkpoint cannot be read: " + e.getMessage());
                }
                if (!key.equals(checkpoint.key()) || !signed(checkpoint)) {
                    return at("FORGED_CHECKPOINT", key, key.checkpoint(), "the checkpoint's Ed25519 signature is not valid "
                            + "for its content and name");
                }
                if (!checkpoint.previousSha256().equals(previous)) {
                    return at(expectedFirst == null ? "MISSING_SEGMENT" : "CHAIN_BROKEN", key, key.checkpoint(),
                            expectedFirst == null ? "the first segment left does not start the chain: the segments before offset "
                                    + key.firstOffset() + " are gone" : "the checkpoint does not chain to the segment before it");
                }
                if (!objects.segments.containsKey(key.firstOffset())) {
                    return at("MISSING_SEGMENT", key, key.segment(), "the segment is gone; its signed checkpoint remains");
                }
                if (!SegmentWriter.sha256(fetched.segment()).equals(checkpoint.sha256())) {
                    return at("CHANGED_SEGMENT", key, key.segment(), "the segment's bytes differ from what its checkpoint signed");
                }
                tally.add(checkpoint);
                previous = checkpoint.sha256();
                expectedFirst = key.lastOffset() + 1;
                objects.lastArchived = key.lastOffset();
            }
        }
        return null;
    }

    /** An object's bytes, or what reading them threw (the walk decides: an outage, or a forgery). */
    private Read read(String key) {
        try {
            return new Read(store.get(key), null);
        } catch (RuntimeException e) {
            return new Read(null, e);
        }
    }

    private record Read(byte[] bytes, RuntimeException failure) {

        byte[] orThrow() {
            if (failure != null) {
                throw failure;
            }
            return bytes;
        }
    }

    private record Fetched(Read checkpointRead, Read segmentRead) {

        byte[] checkpoint() {
            return checkpointRead.orThrow();
        }

        byte[] segment() {
            return segmentRead.orThrow();
        }
    }

    private ArchiveBreak gap(PartitionObjects objects, SegmentKey next, long expectedFirst) {
        SegmentKey orphan = objects.segments.get(expectedFirst);
        if (orphan != null) {
            return at("MISSING_CHECKPOINT", orphan, orphan.checkpoint(), "the segment's signed checkpoint is gone");
        }
        return at("MISSING_SEGMENT", next, next.segment(), "offsets " + expectedFirst + ".." + (next.firstOffset() - 1)
                + " are not in the archive: a segment and its checkpoint were deleted");
    }

    /** The archiver group's committed offsets, or null (and a note) while Kafka cannot be asked. */
    private Map<String, Long> committed(String groupId, List<String> notes) {
        try {
            return committedOffsets.apply(groupId);
        } catch (RuntimeException e) {
            notes.add("Kafka not reachable: the end of each partition's archive was not compared with the archiver's offsets");
            return null;
        }
    }

    private ArchiveBreak againstKafka(Map<String, Long> committed, Map<String, PartitionObjects> byPartition, String cluster) {
        if (committed == null) {
            return null;
        }
        for (Map.Entry<String, Long> entry : committed.entrySet()) {
            PartitionObjects objects = byPartition.get(entry.getKey());
            long archivedTo = objects == null || objects.lastArchived == null ? -1 : objects.lastArchived;
            if (entry.getValue() > archivedTo + 1) {
                String[] tp = entry.getKey().split("/");
                return new ArchiveBreak("MISSING_SEGMENT", tp[0], Integer.valueOf(tp[1]), SegmentKey.prefix(cluster, tp[0], Integer.parseInt(tp[1])),
                        "the archiver committed offset " + entry.getValue() + " but the archive ends at offset " + archivedTo
                                + ": the last segments were deleted");
            }
        }
        return null;
    }

    private boolean signed(SegmentCheckpoint checkpoint) {
        try {
            return checkpoint.signature() != null && checkpoint.previousSha256() != null
                    && signer.verify(checkpoint.statement(), decode(checkpoint.signature()));
        } catch (RuntimeException incomplete) {
            return false; // a field missing from a forged checkpoint
        }
    }

    private static ArchiveBreak at(String kind, SegmentKey key, String object, String detail) {
        return new ArchiveBreak(kind, key.topic(), key.partition(), object, detail);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static final class PartitionObjects {
        final TreeMap<Long, SegmentKey> segments = new TreeMap<>();
        final TreeMap<Long, SegmentKey> checkpoints = new TreeMap<>();
        Long lastArchived;
    }

    private static final class Tally {
        long segments;
        long events;
        Instant firstTime;
        Instant lastTime;

        void add(SegmentCheckpoint checkpoint) {
            segments++;
            events += checkpoint.events();
            firstTime = firstTime == null || checkpoint.firstTime().isBefore(firstTime) ? checkpoint.firstTime() : firstTime;
            lastTime = lastTime == null || checkpoint.lastTime().isAfter(lastTime) ? checkpoint.lastTime() : lastTime;
        }
    }
}
