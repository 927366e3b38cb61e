package org.drcc.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.web.EngineDown;

/**
 * Checks the archive on its own: per partition, the checkpoints' signatures, each segment's SHA-256, the
 * chain of segment hashes and the offsets running on without a gap; then, where Kafka can be asked, that
 * the archive reaches as far as the archiver says it archived. Reports the first break.
 */
class ArchiveVerifier {

    private final BucketStore store;
    private final ObjectMapper json;
    private final ChainSigner signer;
    private final Clock clock;
    private final Function<String, Map<String, Long>> committedOffsets;

    /** @param committedOffsets the archiver group's committed offsets by "topic/partition" (may throw) */
    ArchiveVerifier(BucketStore store, ObjectMapper json, ChainSigner signer, Clock clock,
                    Function<String, Map<String, Long>> committedOffsets) {
        this.store = store;
        this.json = json;
        this.signer = signer;
        this.clock = clock;
        this.committedOffsets = committedOffsets;
    }

    ArchiveReport verify(String groupId) {
        Map<String, PartitionObjects> byPartition = new TreeMap<>();
        for (String key : store.list("segments/")) {
            Optional<SegmentKey.Parsed> parsed = SegmentKey.parse(key);
            if (parsed.isEmpty()) {
                continue;
            }
            SegmentKey k = parsed.get().key();
            PartitionObjects objects = byPartition.computeIfAbsent(k.topic() + "/" + k.partition(), p -> new PartitionObjects());
            (parsed.get().checkpoint() ? objects.checkpoints : objects.segments).put(k.firstOffset(), k);
        }
        Tally tally = new Tally();
        List<String> notes = new ArrayList<>();
        ArchiveBreak broken = null;
        for (PartitionObjects objects : byPartition.values()) {
            broken = walk(objects, tally);
            if (broken != null) {
                break;
            }
        }
        if (broken == null) {
            broken = againstKafka(groupId, byPartition, notes);
        }
        return new ArchiveReport(broken == null, byPartition.size(), tally.segments, tally.events, clock.instant(), broken, notes);
    }

    private ArchiveBreak walk(PartitionObjects objects, Tally tally) {
        String previous = SegmentCheckpoint.GENESIS;
        Long expectedFirst = null;
        for (SegmentKey key : objects.checkpoints.values()) {
            if (expectedFirst != null && key.firstOffset() != expectedFirst) {
                return gap(objects, key, expectedFirst);
            }
            SegmentCheckpoint checkpoint;
            try {
                checkpoint = json.readValue(store.get(key.checkpoint()), SegmentCheckpoint.class);
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
            byte[] bytes = store.get(key.segment());
            if (!SegmentWriter.sha256(bytes).equals(checkpoint.sha256())) {
                return at("CHANGED_SEGMENT", key, key.segment(), "the segment's bytes differ from what its checkpoint signed");
            }
            tally.segments++;
            tally.events += checkpoint.events();
            previous = checkpoint.sha256();
            expectedFirst = key.lastOffset() + 1;
            objects.lastArchived = key.lastOffset();
        }
        return null;
    }

    private ArchiveBreak gap(PartitionObjects objects, SegmentKey next, long expectedFirst) {
        SegmentKey orphan = objects.segments.get(expectedFirst);
        if (orphan != null) {
            return at("MISSING_CHECKPOINT", orphan, orphan.checkpoint(), "the segment's signed checkpoint is gone");
        }
        return at("MISSING_SEGMENT", next, next.segment(), "offsets " + expectedFirst + ".." + (next.firstOffset() - 1)
                + " are not in the archive: a segment and its checkpoint were deleted");
    }

    private ArchiveBreak againstKafka(String groupId, Map<String, PartitionObjects> byPartition, List<String> notes) {
        Map<String, Long> committed;
        try {
            committed = committedOffsets.apply(groupId);
        } catch (RuntimeException e) {
            notes.add("Kafka not reachable: the end of each partition's archive was not compared with the archiver's offsets");
            return null;
        }
        for (Map.Entry<String, Long> entry : committed.entrySet()) {
            PartitionObjects objects = byPartition.get(entry.getKey());
            long archivedTo = objects == null || objects.lastArchived == null ? -1 : objects.lastArchived;
            if (entry.getValue() > archivedTo + 1) {
                String[] tp = entry.getKey().split("/");
                return new ArchiveBreak("MISSING_SEGMENT", tp[0], Integer.valueOf(tp[1]), SegmentKey.prefix(tp[0], Integer.parseInt(tp[1])),
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
    }
}
