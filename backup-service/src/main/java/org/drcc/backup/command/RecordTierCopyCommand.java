package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The outcome of copying the backup to another tier: the SHA-256 read back from the copy, or the
 * {@code cause} the copy could not be made (then {@code readBackSha256} is null).
 */
public record RecordTierCopyCommand(
        @TargetAggregateIdentifier String backupId,
        String tier,
        String bucket,
        String objectKey,
        String readBackSha256,
        String cause,
        Instant copiedAt) {
}
