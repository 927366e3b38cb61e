package org.drcc.backup.job;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.RecordTierCopyCommand;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies a completed backup from the primary bucket to the secondary and tertiary tiers, and reads
 * each copy back to prove it has the backup's SHA-256. The copy streams through this service rather
 * than being a server-side copy, so a tier may live on another S3 account or provider later. A copy
 * writes the same key with the same bytes, so copying twice (a retry racing another instance's) leaves
 * one good object; the aggregate keeps one outcome.
 */
@Component
class TierCopier {

    private static final Logger log = LoggerFactory.getLogger(TierCopier.class);

    private final ObjectStore store;
    private final CommandGateway commands;
    private final S3Properties s3;
    private final Clock clock;
    private final AutoVerification verification;

    TierCopier(ObjectStore store, CommandGateway commands, S3Properties s3, Clock clock,
               AutoVerification verification) {
        this.store = store;
        this.commands = commands;
        this.s3 = s3;
        this.clock = clock;
        this.verification = verification;
    }

    Map<String, String> tiers() {
        Map<String, String> tiers = new LinkedHashMap<>();
        tiers.put("secondary", s3.buckets().secondary());
        tiers.put("tertiary", s3.buckets().tertiary());
        return tiers;
    }

    /** What follows a completed backup: its first copy to each tier, then its verification by restore. */
    void copyToTiers(String backupId, String key, String sha256) {
        tiers().forEach((tier, bucket) -> copy(backupId, key, tier, bucket, 1));
        verification.afterBackup(backupId);
    }

    /** Copies to one tier and records the outcome as attempt {@code attempt}; false when it failed. */
    boolean copy(String backupId, String key, String tier, String bucket, int attempt) {
        String readBack = null;
        String cause = null;
        try (var source = store.open(s3.buckets().primary(), key)) {
            store.upload(bucket, key, source, () -> { });
            readBack = store.readBack(bucket, key).sha256();
        } catch (Exception e) {
            cause = Failures.describe(e);
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
