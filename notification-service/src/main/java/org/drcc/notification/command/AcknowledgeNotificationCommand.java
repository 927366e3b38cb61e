package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AcknowledgeNotificationCommand(@TargetAggregateIdentifier String notificationId, String actor,
                                             Instant at) {
}
