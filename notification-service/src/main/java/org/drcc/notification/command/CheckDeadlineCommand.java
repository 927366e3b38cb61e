package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a breach when the tier's deadline passed and the message is still not sent. */
public record CheckDeadlineCommand(@TargetAggregateIdentifier String notificationId, Instant at) {
}
