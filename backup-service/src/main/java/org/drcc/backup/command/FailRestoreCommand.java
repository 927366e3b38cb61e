package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailRestoreCommand(@TargetAggregateIdentifier String backupId, String restoreId, String cause,
                                 Instant failedAt) {
}
