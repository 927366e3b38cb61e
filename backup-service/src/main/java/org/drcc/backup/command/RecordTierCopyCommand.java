package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The outcome of copying the backup to another tier: the SHA-256 read back from the copy, or the
 * {@code cause} the copy could not be made (then {@code readBackSha256} is null). {@code attempt} is
 * the copier's count (1 for the copy right after the backup, failed attempts so far + 1 for a retry):
 * a failure of an attempt already recorded is a concurrent duplicate and changes nothing.
 */
public record RecordTierCopyCommand(
        @TargetAggregateIdentifier String backupId,
        String tier,
        String bucket,
        String objectKey,
        int attempt,
        String readBackSha256,
        String cause,
        Instant copiedAt) {
}
