package org.drcc.notification.command;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Escalate a declaration nobody of the tier acknowledged; the id comes from {@link #idOf}. */
public record EscalateCommand(@TargetAggregateIdentifier String escalationId, String incidentId,
                              String sourceEventId, String tier, Duration after, Instant at) {

    public static String idOf(String sourceEventId, String tier) {
        return NotificationId.of(sourceEventId, "(escalation)", tier);
    }
}
