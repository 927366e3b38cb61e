package org.drcc.backup.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.S3Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a new dump is written: the first tier, in the plan's order, whose store can take it. On an ordinary day that
 * is the primary. On the day the primary site is gone (its store gives no answer, or its bucket is gone) the dump is
 * written to the secondary tier, or the tertiary, instead of failing with it; the tiers passed over get their copy
 * from there like any other tier ({@link TierCopier}), retried until they are back ({@link CopyRetrySweep}). When no
 * tier can be used, the primary is tried and the backup fails with its cause, as before.
 */
@Component
class DumpLanding {

    private static final Logger log = LoggerFactory.getLogger(DumpLanding.class);
    /** A store that does not answer a HEAD in this long is passed over; a live one answers in milliseconds. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /** The tier a dump is written to, and its bucket. */
    record Landing(String tier, String bucket) {
    }

    private final ObjectStore store;
    private final S3Properties s3;

    DumpLanding(ObjectStore store, S3Properties s3) {
        this.store = store;
        this.s3 = s3;
    }

    /**
     * The first usable tier in the plan's order. Every tier's store is asked at once, so a backup waits at most one
     * {@link #PROBE_TIMEOUT} for its landing however many stores are silent (one after the other, the primary's and
     * the secondary's silent stores of a lost region held a "back up now" 10 s).
     */
    Landing choose(String backupId, String database) {
        Map<String, String> tiers = s3.buckets().byTier();
        ExecutorService probes = Executors.newFixedThreadPool(tiers.size(), r -> {
            Thread thread = new Thread(r, "dump-landing-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<Optional<ObjectStore.Unusable>>> asked = new LinkedHashMap<>();
            tiers.forEach((tier, bucket) -> asked.put(tier, probes.submit(() -> store.unusable(bucket, PROBE_TIMEOUT))));
            for (Map.Entry<String, Future<Optional<ObjectStore.Unusable>>> tier : asked.entrySet()) {
                Optional<ObjectStore.Unusable> unusable = answer(tier.getValue());
                if (unusable.isEmpty()) {
                    return new Landing(tier.getKey(), tiers.get(tier.getKey()));
                }
                log.warn("Backup {} of {} is not written to the {} tier: {}; it gets its copy once the tier is back",
                        backupId, database, tier.getKey(), unusable.get().reason());
            }
        } finally {
            probes.shutdownNow(); // the probes of the tiers after the chosen one are not waited for
        }
        log.error("Backup {} of {}: no tier's store can take it; trying the primary", backupId, database);
        return new Landing("primary", s3.buckets().primary());
    }

    /**
     * A probe's answer; one that has not come a second after the SDK's own timeout counts as none. A stop (the thread
     * interrupted) ends the choice: no backup is started.
     */
    private static Optional<ObjectStore.Unusable> answer(Future<Optional<ObjectStore.Unusable>> probe) {
        try {
            return probe.get(PROBE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while asking the tiers' stores; no backup was started", e);
        } catch (TimeoutException e) {
            return Optional.of(new ObjectStore.Unusable("no answer within " + PROBE_TIMEOUT.toMillis() + " ms", false));
        } catch (ExecutionException e) {
            return Optional.of(new ObjectStore.Unusable("the probe failed: " + e.getCause().getClass().getSimpleName(),
                    false));
        }
    }
}
