package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The backup cannot complete, for {@code cause}; its upload has been aborted. */
public record FailBackupCommand(@TargetAggregateIdentifier String backupId, String cause, Instant failedAt) {
}
