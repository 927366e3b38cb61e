package org.drcc.incident.maintenance;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Schedule a planned maintenance window [startsAt, endsAt) for the SLA to exclude. */
public record ScheduleMaintenanceWindowCommand(
        @TargetAggregateIdentifier String windowId,
        Instant startsAt,
        Instant endsAt,
        String reason,
        String actor,
        Instant requestedAt) {
}
