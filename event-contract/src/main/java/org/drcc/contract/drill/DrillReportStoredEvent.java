package org.drcc.contract.drill;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** The drill's Markdown report is in S3, kept until {@code retainUntil} (the plan keeps test results 2 years). */
@JsonTypeName("dr.drill.report-stored.v1")
public record DrillReportStoredEvent(
        String drillId,
        String scenario,
        String bucket,
        String objectKey,
        String sha256,
        Instant retainUntil,
        @PersonalData String actor,
        Instant occurredAt) implements DrillEvent {
}
