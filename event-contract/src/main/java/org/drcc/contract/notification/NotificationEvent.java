package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event of one notification: one message of one kind, about one incident, to one contact of
 * one audience. Its id is derived from (source event id, audience, contact), so the same incident
 * event never yields two notifications for the same contact. An update published on the public status page is
 * a message to the public, with an id of its own; a subscription to the public status page has its own id too, and
 * {@code status-page} as its incident id.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(NotificationScheduledEvent.class),
        @JsonSubTypes.Type(NotificationSentEvent.class),
        @JsonSubTypes.Type(NotificationRetryScheduledEvent.class),
        @JsonSubTypes.Type(NotificationFailedEvent.class),
        @JsonSubTypes.Type(NotificationAcknowledgedEvent.class),
        @JsonSubTypes.Type(NotificationDeadlineMetEvent.class),
        @JsonSubTypes.Type(NotificationDeadlineBreachedEvent.class),
        @JsonSubTypes.Type(NotificationEscalatedEvent.class),
        @JsonSubTypes.Type(StatusUpdatePublishedEvent.class),
        @JsonSubTypes.Type(StatusSubscribedEvent.class),
        @JsonSubTypes.Type(StatusSubscriptionConfirmedEvent.class),
        @JsonSubTypes.Type(StatusUnsubscribedEvent.class),
        @JsonSubTypes.Type(StatusSubscriptionExpiredEvent.class)
})
public sealed interface NotificationEvent permits NotificationScheduledEvent, NotificationSentEvent,
        NotificationRetryScheduledEvent, NotificationFailedEvent, NotificationAcknowledgedEvent,
        NotificationDeadlineMetEvent, NotificationDeadlineBreachedEvent, NotificationEscalatedEvent,
        StatusUpdatePublishedEvent, StatusSubscribedEvent, StatusSubscriptionConfirmedEvent, StatusUnsubscribedEvent,
        StatusSubscriptionExpiredEvent {

    String notificationId();

    String incidentId();

    Instant occurredAt();
}
