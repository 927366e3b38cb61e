package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a backup of {@code database}, streamed to {@code bucket}/{@code objectKey}. */
public record StartBackupCommand(
        @TargetAggregateIdentifier String backupId,
        String database,
        String bucket,
        String objectKey,
        String actor,
        Instant requestedAt) {
}
