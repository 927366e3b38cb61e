package org.drcc.incident.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.plan.MaintenanceWindowScheduledEvent;
import org.drcc.contract.plan.PlanEvent;
import org.drcc.contract.plan.PlanReviewedEvent;
import org.drcc.contract.plan.ReviewDueEvent;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.contract.plan.SlaStatedEvent;
import org.drcc.testsupport.ContractSnapshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/** The JSON of each plan event on Kafka is a public contract: these snapshots fail when it changes. */
@JsonTest
class PlanEventContractTest {

    private static final List<PlanEvent> SAMPLES = List.of(
            new MaintenanceWindowScheduledEvent("5c1a7e2d-0000-4000-8000-000000000007",
                    Instant.parse("2026-12-01T02:00:00Z"), Instant.parse("2026-12-01T03:00:00Z"),
                    "PostgreSQL minor upgrade", "devon", Instant.parse("2026-11-30T10:00:00Z")),
            new ReviewDueEvent("post-incident-7d3f6c1e-0000-4000-8000-000000000001", ReviewKind.POST_INCIDENT,
                    "Post-incident review", "7d3f6c1e-0000-4000-8000-000000000001",
                    Instant.parse("2026-12-02T10:05:00Z"), "incident-service", Instant.parse("2026-11-25T10:05:00Z")),
            new PlanReviewedEvent("monthly-2026-11", ReviewKind.MONTHLY, null, true,
                    "Scenario 1's recovery steps: stop writes before the restore", "dana",
                    Instant.parse("2026-11-30T16:00:00Z")),
            new SlaStatedEvent(new java.math.BigDecimal("99.999"), java.time.Duration.parse("PT5M16S"),
                    "incident-service", Instant.parse("2026-11-30T16:05:00Z")));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeSerialisesExactlyAsItsSnapshot() throws Exception {
        ContractSnapshots.check(json, PlanEvent.class, SAMPLES);
    }
}
