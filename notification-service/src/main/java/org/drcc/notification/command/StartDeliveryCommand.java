package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Claim the next attempt: answers the {@link Claim} (what to send, which attempt), or null when the message is not due or
 * not in a state that says "not yet sent". The claim is committed before anything is sent.
 */
public record StartDeliveryCommand(@TargetAggregateIdentifier String notificationId, Instant at) {
}
