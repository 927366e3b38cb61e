package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Try to deliver now; does nothing unless the message is due and not yet sent. */
public record DeliverNotificationCommand(@TargetAggregateIdentifier String notificationId, Instant at) {
}
