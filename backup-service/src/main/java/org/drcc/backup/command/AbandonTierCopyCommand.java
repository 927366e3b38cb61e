package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give up copying the backup to {@code tier}: accepted once, and only after {@code maxAttempts} failed attempts. */
public record AbandonTierCopyCommand(
        @TargetAggregateIdentifier String backupId,
        String tier,
        int maxAttempts,
        String actor,
        Instant abandonedAt) {
}
