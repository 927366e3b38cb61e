package org.drcc.contract.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * A planned maintenance window [{@code startsAt}, {@code endsAt}), scheduled before it starts: the SLA excludes it,
 * from the time measured and from the downtime.
 */
@JsonTypeName("dr.plan.maintenance-window-scheduled.v1")
public record MaintenanceWindowScheduledEvent(
        String windowId,
        Instant startsAt,
        Instant endsAt,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements PlanEvent {

    @Override
    @JsonIgnore
    public String subject() {
        return windowId;
    }
}
