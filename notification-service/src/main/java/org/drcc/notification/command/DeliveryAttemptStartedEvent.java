package org.drcc.notification.command;

import java.time.Instant;

/**
 * Internal to this service (not relayed, not part of the contract): attempt {@code attempt} was
 * claimed and is about to be handed to the channel. Stored before the channel is called, so after a
 * crash the service knows a send may have happened and does not blindly send again.
 */
public record DeliveryAttemptStartedEvent(String notificationId, String incidentId, int attempt, Instant at) {
}
