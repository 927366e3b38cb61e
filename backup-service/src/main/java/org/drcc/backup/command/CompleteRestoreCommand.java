package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteRestoreCommand(@TargetAggregateIdentifier String backupId, String restoreId, Instant completedAt) {
}
