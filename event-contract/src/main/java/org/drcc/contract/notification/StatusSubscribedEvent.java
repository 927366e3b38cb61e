package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * Someone subscribed to the public status page: by {@code email} (then pending until confirmed through the link
 * sent there, or expired at {@code confirmBy}), or by webhook ({@code channel} webhook, {@code email} null: the URL
 * is a secret and is never in an event; the subscription is confirmed at once by the receiver's 2xx). The
 * notification id is the subscription's id, which is also the person under whose own key the address is sealed
 * (unsubscribing destroys that key). {@code incidentId} is {@code status-page}.
 */
@JsonTypeName("dr.notification.status-subscribed.v1")
public record StatusSubscribedEvent(
        String notificationId,
        String incidentId,
        String channel,
        @PersonalData(subject = "notificationId") String email,
        Instant confirmBy,
        Instant occurredAt) implements NotificationEvent {
}
