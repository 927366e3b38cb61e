package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * A person published an update about an incident on the public status page, word for word: a message to the
 * public. Its notification id is the update's own id. {@code publicTitle} is the title the page shows for the
 * incident from now on, or null to keep the current one.
 */
@JsonTypeName("dr.notification.status-update-published.v1")
public record StatusUpdatePublishedEvent(
        String notificationId,
        String incidentId,
        String text,
        String publicTitle,
        @PersonalData String publishedBy,
        Instant occurredAt) implements NotificationEvent {
}
