package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Restore the backup into {@code targetDatabase}. Over the protected database itself only when
 * {@code confirmed}; the caller's role will be checked here too once authentication exists.
 */
public record StartRestoreCommand(
        @TargetAggregateIdentifier String backupId,
        String restoreId,
        String targetDatabase,
        boolean overwritesProtected,
        boolean confirmed,
        String actor,
        Instant requestedAt) {
}
