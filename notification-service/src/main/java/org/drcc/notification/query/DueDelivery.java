package org.drcc.notification.query;

/** A notification due to be sent, and the channel it goes by. */
public record DueDelivery(String notificationId, String channel) {
}
