package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An attempt was claimed but its outcome never recorded: the process stopped while sending. */
public record ResolveInterruptedDeliveryCommand(@TargetAggregateIdentifier String notificationId, Instant at) {
}
