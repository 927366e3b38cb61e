package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Subscribe to the public status page by e-mail ({@code email}) or webhook ({@code email} null; the URL stays out). */
public record SubscribeToStatusCommand(@TargetAggregateIdentifier String subscriptionId, String channel, String email,
                                       Instant confirmBy, Instant at) {
}
