package org.drcc.backup.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drcc.contract.backup.TableChecksum;

/** The dump is uploaded in full: what was measured while streaming it, and its manifest. */
public record CompleteBackupCommand(
        @TargetAggregateIdentifier String backupId,
        long sizeBytes,
        String sha256,
        String serverVersion,
        Instant snapshotAt,
        Duration duration,
        List<TableChecksum> tables,
        Instant completedAt) {
}
