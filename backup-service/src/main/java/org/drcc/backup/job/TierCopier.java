package org.drcc.backup.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.RecordTierCopyCommand;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies a completed backup from the tier it was written to (the primary on an ordinary day; see {@link DumpLanding})
 * to each other tier, and reads each copy back to prove it has the backup's SHA-256. The copy streams through this
 * service rather than being a server-side copy, so a tier may live on another S3 account or provider. A copy
 * writes the same key with the same bytes, so copying twice (a retry racing another instance's) leaves
 * one good object; the aggregate keeps one outcome.
 */
@Component
class TierCopier {

    private static final Logger log = LoggerFactory.getLogger(TierCopier.class);

    private final ObjectStore store;
    private final CommandGateway commands;
    private final Clock clock;
    private final AutoVerification verification;
    private final Map<String, String> tiers;

    TierCopier(ObjectStore store, CommandGateway commands, S3Properties s3, Clock clock,
               AutoVerification verification) {
        this.store = store;
        this.commands = commands;
        this.tiers = s3.buckets().byTier();
        this.clock = clock;
        this.verification = verification;
    }

    /** Every tier's bucket, in the plan's order: a backup has a copy in each but the one it was written to. */
    Map<String, String> tiers() {
        return tiers;
    }

    /** What follows a completed backup: its first copy to each other tier, then its verification by restore. */
    void copyToTiers(String backupId, String home, String key, String sha256) {
        tiers.forEach((tier, bucket) -> {
            if (!bucket.equals(home)) {
                copy(backupId, List.of(home), key, sha256, tier, bucket, 1);
            }
        });
        verification.afterBackup(backupId);
    }

    /**
     * Copies the object {@code key} to one tier from the first of {@code sources} (buckets) whose copy reads back
     * there with the backup's {@code sha256}: the bucket the dump was written to, then those of the tiers that hold a
     * proven copy, so that a tier still gets its copy when the tier the dump was written to is gone or its object is
     * damaged. Records the outcome as attempt {@code attempt}; false when it failed.
     */
    boolean copy(String backupId, List<String> sources, String key, String sha256, String tier, String bucket,
                 int attempt) {
        String readBack = null;
        List<String> causes = new ArrayList<>();
        for (String from : sources) {
            String prefix = sources.size() > 1 ? "from " + from + ": " : "";
            try (var source = store.open(from, key)) {
                store.upload(bucket, key, source, () -> { });
                String read = store.readBack(bucket, key).sha256();
                if (read.equals(sha256)) {
                    readBack = read;
                    break;
                }
                causes.add(prefix + "the copy reads back with SHA-256 " + read + ", the backup has " + sha256);
            } catch (Exception e) {
                causes.add(prefix + Failures.describe(e));
            }
        }
        String cause = readBack == null ? String.join("; ", causes) : null;
        if (cause != null) {
            log.warn("Copy of backup {} to the {} tier failed (attempt {}): {}", backupId, tier, attempt, cause);
        }
        try {
            commands.sendAndWait(new RecordTierCopyCommand(backupId, tier, bucket, key, attempt, readBack, cause,
                    clock.instant()));
        } catch (RuntimeException e) {
            Failures.refusal(e).ifPresentOrElse(
                    refused -> log.info("The copy of backup {} to the {} tier is not recorded: {}", backupId, tier,
                            refused.getMessage()),
                    // not recorded: the retry sweep finds the tier still without a copy and tries again
                    () -> log.error("Could not record the copy of backup {} to the {} tier: {}", backupId, tier,
                            e.toString()));
        }
        return cause == null;
    }
}
