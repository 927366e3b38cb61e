package org.drcc.backup.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code source}: the copy restored from; {@code passedOver}: why each copy tried before it was not used. */
public record CompleteRestoreCommand(@TargetAggregateIdentifier String backupId, String restoreId, String source,
                                     List<String> passedOver, Instant completedAt) {
}
