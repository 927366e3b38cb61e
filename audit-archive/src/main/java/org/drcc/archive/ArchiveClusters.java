package org.drcc.archive;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.drcc.kit.s3.BucketStore;

/**
 * Which Kafka cluster the archive reads now, and under which name its chains are kept. Offsets are a cluster's own:
 * a new cluster (Kafka restored empty after a disaster, its log lost) numbers from 0 again, so each cluster's
 * segments form chains of their own beside the older clusters' ones, which are never rewritten.
 *
 * <p>Segments written before cluster ids ({@code segments/…}) belong to one cluster, which is not written in them:
 * the first archiver that meets them records the cluster it reads as their owner ({@value #OWNER}, under the same
 * Object Lock), on the reasoning that a new version is deployed on the cluster it was archiving, and that cluster
 * goes on with those chains where they end.
 */
class ArchiveClusters {

    static final String OWNER = "segments-owner-cluster.txt";

    private final BucketStore store;
    private final Supplier<String> currentCluster;
    private final int retentionDays;
    private final Clock clock;

    /** @param currentCluster the id Kafka gives for its cluster (AdminClient describeCluster); throws while unreachable */
    ArchiveClusters(BucketStore store, Supplier<String> currentCluster, int retentionDays, Clock clock) {
        this.store = store;
        this.currentCluster = currentCluster;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /** The id of the cluster Kafka answers for now. */
    String current() {
        return currentCluster.get();
    }

    /** The cluster the segments from before cluster ids belong to, if any were written. */
    Optional<String> ownerOfSegmentsWithoutCluster() {
        return store.find(OWNER).map(bytes -> new String(bytes, StandardCharsets.UTF_8).trim());
    }

    /**
     * The cluster name new segments of {@code cluster} are kept under: null (the layout from before cluster ids) when
     * that cluster owns those segments, so their chains go on; else the cluster id.
     */
    String chainsOf(String cluster) {
        Optional<String> owner = ownerOfSegmentsWithoutCluster();
        if (owner.isEmpty()) {
            if (store.list(SegmentKey.WITHOUT_CLUSTER).isEmpty()) {
                return cluster;
            }
            store.putLocked(OWNER, cluster.getBytes(StandardCharsets.UTF_8), "text/plain",
                    clock.instant().plus(retentionDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
            owner = Optional.of(cluster);
        }
        return owner.get().equals(cluster) ? null : cluster;
    }

}
