package org.drcc.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.io.Sha256Out;
import org.drcc.kit.s3.BucketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a segment, then its signed checkpoint, each under Object Lock; and finds where a partition stands. */
class SegmentWriter {

    private static final Logger log = LoggerFactory.getLogger(SegmentWriter.class);

    static final String MODE = "COMPLIANCE";

    private final BucketStore store;
    private final int retentionDays;
    private final SegmentEncoder encoder;
    private final ObjectMapper json;
    private final ChainSigner signer;
    private final RetentionStatus retention;
    private final RetentionAlerts alerts;
    private final Clock clock;

    SegmentWriter(BucketStore store, int retentionDays, ObjectMapper json, ChainSigner signer, RetentionStatus retention,
                  RetentionAlerts alerts, Clock clock) {
        this.store = store;
        this.retentionDays = retentionDays;
        this.alerts = alerts;
        this.encoder = new SegmentEncoder(json);
        this.json = json;
        this.signer = signer;
        this.retention = retention;
        this.clock = clock;
    }

    /** Archives the partition's next segment, which {@link PartitionState#due} gave. */
    void write(PartitionState state, SegmentEncoder.Encoded segment) {
        String sha256 = sha256(segment.bytes());
        SegmentCheckpoint unsigned = new SegmentCheckpoint(state.cluster, segment.topic(), segment.partition(),
                segment.firstOffset(), segment.lastOffset(), segment.count(), sha256, state.previousSha256,
                segment.firstTimestamp(), segment.lastTimestamp(), signer.keyId(), null);
        SegmentCheckpoint signed = unsigned.signed(Base64.getEncoder().encodeToString(signer.sign(unsigned.statement())));
        SegmentKey key = signed.key();
        Instant now = clock.instant();
        putLocked(key.segment(), segment.bytes(), "application/gzip", now);
        putLocked(key.checkpoint(), toJson(signed), "application/json", now);
        state.archived(segment, sha256);
    }

    private void putLocked(String key, byte[] bytes, String contentType, Instant now) {
        Instant until = now.plus(retentionDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        BucketStore.Lock lock = store.putLocked(key, bytes, contentType, until);
        RetentionStatus.Reading reading = new RetentionStatus.Reading(lock.kept(), key, MODE, until, lock.detail(), now);
        if (retention.record(reading)) {
            log.warn("AUDIT ARCHIVE RETENTION NOT HONOURED: the store at bucket {} did not keep the 7-year COMPLIANCE "
                    + "Object Lock on {}: {}. The archive is written but NOT immutable; see /actuator/health and dr.audit.events.",
                    store.bucket(), reading.object(), reading.detail());
        }
        alerts.note(reading);
    }

    /**
     * Where a partition's archive stands in the chains of {@code cluster} (null: the layout from before cluster ids):
     * after its last checkpoint, and a segment written without one.
     */
    PartitionState resume(String cluster, TopicPartition partition) {
        List<SegmentKey> segments = new ArrayList<>();
        SegmentKey lastCheckpoint = null;
        for (String objectKey : store.list(SegmentKey.prefix(cluster, partition.topic(), partition.partition()))) {
            Optional<SegmentKey.Parsed> parsed = SegmentKey.parse(objectKey);
            if (parsed.isEmpty()) {
                continue;
            }
            if (parsed.get().checkpoint()) {
                lastCheckpoint = parsed.get().key();
            } else {
                segments.add(parsed.get().key());
            }
        }
        long resumeAt = lastCheckpoint == null ? -1 : lastCheckpoint.lastOffset() + 1;
        String previous = lastCheckpoint == null ? SegmentCheckpoint.GENESIS : read(lastCheckpoint).sha256();
        Long forcedLast = segments.stream().filter(s -> s.firstOffset() >= resumeAt).findFirst()
                .map(SegmentKey::lastOffset).orElse(null);
        return new PartitionState(cluster, partition, resumeAt, previous, forcedLast, encoder);
    }

    SegmentCheckpoint read(SegmentKey key) {
        try {
            return json.readValue(store.get(key.checkpoint()), SegmentCheckpoint.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable checkpoint " + key.checkpoint(), e);
        }
    }

    private byte[] toJson(SegmentCheckpoint checkpoint) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256Out.newDigest().digest(bytes));
    }
}
