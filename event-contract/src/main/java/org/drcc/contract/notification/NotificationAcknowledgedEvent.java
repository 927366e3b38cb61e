package org.drcc.contract.notification;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** Someone of the audience confirmed they read the message. */
@JsonTypeName("dr.notification.acknowledged.v1")
public record NotificationAcknowledgedEvent(
        String notificationId,
        String incidentId,
        @PersonalData String actor,
        Instant occurredAt) implements NotificationEvent {
}
