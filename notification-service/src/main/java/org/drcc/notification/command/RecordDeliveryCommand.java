package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The outcome of a claimed attempt: {@code cause} null means the channel accepted the message; {@code hopeless}, that
 * no later attempt can succeed (the subscriber the message was for unsubscribed, expired or was erased), so it fails
 * now instead of being retried.
 */
public record RecordDeliveryCommand(@TargetAggregateIdentifier String notificationId, int attempt, String cause,
                                    Instant at, boolean hopeless) {

    public RecordDeliveryCommand(String notificationId, int attempt, String cause, Instant at) {
        this(notificationId, attempt, cause, at, false);
    }
}
