package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The subscriber proved the address is theirs (the link was followed; the webhook answered 2xx). */
public record ConfirmStatusSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, Instant at) {
}
