package org.drcc.contract.drill;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/**
 * The drill failed: a step broke or a target was missed, and {@code reason} says which. What was measured
 * before the failure is included (null otherwise); {@code pendingCleanup} names scratch databases that
 * could not be dropped yet and are dropped on the service's next start.
 */
@JsonTypeName("dr.drill.failed.v1")
public record DrillFailedEvent(
        String drillId,
        String scenario,
        String incidentId,
        String reason,
        Duration rto,
        Duration rtoTarget,
        Duration rpo,
        Duration rpoTarget,
        List<String> pendingCleanup,
        @PersonalData String actor,
        Instant occurredAt) implements DrillEvent {

    public DrillFailedEvent {
        pendingCleanup = pendingCleanup == null ? List.of() : List.copyOf(pendingCleanup);
    }
}
