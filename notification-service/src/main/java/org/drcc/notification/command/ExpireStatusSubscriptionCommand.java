package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A subscription still unconfirmed past its deadline is dropped. */
public record ExpireStatusSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, Instant at) {
}
