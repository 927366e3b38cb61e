package org.drcc.backup.job;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.RecordTierCopyCommand;
import org.drcc.backup.config.S3Properties;
import org.drcc.backup.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies a completed backup from the primary bucket to the secondary and tertiary tiers, and reads
 * each copy back to prove it has the backup's SHA-256. The copy streams through this service rather
 * than being a server-side copy, so a tier may live on another S3 account or provider later.
 */
@Component
class TierCopier {

    private static final Logger log = LoggerFactory.getLogger(TierCopier.class);

    private final ObjectStore store;
    private final CommandGateway commands;
    private final S3Properties s3;
    private final Clock clock;

    TierCopier(ObjectStore store, CommandGateway commands, S3Properties s3, Clock clock) {
        this.store = store;
        this.commands = commands;
        this.s3 = s3;
        this.clock = clock;
    }

    Map<String, String> tiers() {
        Map<String, String> tiers = new LinkedHashMap<>();
        tiers.put("secondary", s3.buckets().secondary());
        tiers.put("tertiary", s3.buckets().tertiary());
        return tiers;
    }

    void copyToTiers(String backupId, String key, String sha256) {
        tiers().forEach((tier, bucket) -> {
            String readBack = null;
            String cause = null;
            try (var source = store.open(s3.buckets().primary(), key)) {
                store.upload(bucket, key, source, () -> { });
                readBack = store.readBack(bucket, key).sha256();
            } catch (Exception e) {
                cause = Failures.describe(e);
                log.warn("Copy of backup {} to the {} tier failed: {}", backupId, tier, cause);
            }
            try {
                commands.sendAndWait(new RecordTierCopyCommand(backupId, tier, bucket, key, readBack, cause,
                        clock.instant()));
            } catch (RuntimeException e) {
                log.error("Could not record the copy of backup {} to the {} tier: {}", backupId, tier, e.toString());
            }
        });
    }
}
