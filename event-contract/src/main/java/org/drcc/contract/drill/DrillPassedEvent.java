package org.drcc.contract.drill;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * Every step worked and the measured RTO (declared to restored) and RPO (damage to restore point) met the
 * scenario's targets. {@code rpo} and {@code rpoTarget} are null for a scenario without an RPO.
 */
@JsonTypeName("dr.drill.passed.v1")
public record DrillPassedEvent(
        String drillId,
        String scenario,
        String incidentId,
        String backupId,
        Instant restorePoint,
        Duration rto,
        Duration rtoTarget,
        Duration rpo,
        Duration rpoTarget,
        @PersonalData String actor,
        Instant occurredAt) implements DrillEvent {
}
