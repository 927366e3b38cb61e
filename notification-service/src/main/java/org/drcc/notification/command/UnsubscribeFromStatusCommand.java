package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The subscriber wants no more updates. */
public record UnsubscribeFromStatusCommand(@TargetAggregateIdentifier String subscriptionId, Instant at) {
}
