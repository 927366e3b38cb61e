package org.drcc.backup.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The outcome of a restore into a scratch database: {@code failedCheck} is null when every check passed. */
public record RecordVerificationCommand(
        @TargetAggregateIdentifier String backupId,
        String scratchDatabase,
        int tablesChecked,
        String failedCheck,
        String detail,
        String actor,
        Instant verifiedAt) {
}
