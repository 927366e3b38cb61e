package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retention lets the backup go; its objects have been deleted from every tier. */
public record ExpireBackupCommand(@TargetAggregateIdentifier String backupId, String reason, Instant expiredAt) {
}
