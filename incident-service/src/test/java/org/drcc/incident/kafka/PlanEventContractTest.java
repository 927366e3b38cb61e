package org.drcc.incident.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.plan.MaintenanceWindowScheduledEvent;
import org.drcc.contract.plan.PlanEvent;
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
                    "PostgreSQL minor upgrade", "devon", Instant.parse("2026-11-30T10:00:00Z")));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeSerialisesExactlyAsItsSnapshot() throws Exception {
        ContractSnapshots.check(json, PlanEvent.class, SAMPLES);
    }
}
