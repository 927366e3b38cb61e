package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The outcome of a claimed attempt: {@code cause} null means the channel accepted the message. */
public record RecordDeliveryCommand(@TargetAggregateIdentifier String notificationId, int attempt, String cause,
                                    Instant at) {
}
