package org.drcc.drill.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.drill.DrillEvent;
import org.drcc.contract.drill.DrillFailedEvent;
import org.drcc.contract.drill.DrillIncidentDeclaredEvent;
import org.drcc.contract.drill.DrillPassedEvent;
import org.drcc.contract.drill.DrillReportStoredEvent;
import org.drcc.contract.drill.DrillStartedEvent;
import org.drcc.contract.drill.DrillStepRecordedEvent;
import org.drcc.testsupport.ContractSnapshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/** The JSON of each drill event on {@code dr.drill.events} is a public contract: these snapshots fail when it changes. */
@JsonTest
class DrillEventContractTest {

    private static final String ID = "5b2c9a10-0000-4000-8000-000000000008";
    private static final Instant AT = Instant.parse("2026-11-25T10:05:00Z");
    private static final Instant POINT = Instant.parse("2026-11-25T09:40:00Z");

    private static final List<DrillEvent> SAMPLES = List.of(
            new DrillStartedEvent(ID, "database-corruption", "foodtruck", "manual", "alice", AT),
            new DrillIncidentDeclaredEvent(ID, "database-corruption", "i-7", "alice", AT),
            new DrillStepRecordedEvent(ID, "database-corruption", "damage done", "OK", "2 tables damaged",
                    AT.minusSeconds(1), AT, "alice", AT),
            new DrillPassedEvent(ID, "database-corruption", "i-7", "b-42", POINT, Duration.ofSeconds(95),
                    Duration.ofHours(2), Duration.ofMinutes(25), Duration.ofHours(1), "alice", AT),
            new DrillFailedEvent(ID, "database-corruption", "i-7", "step 'application checks' failed", null,
                    Duration.ofHours(2), null, Duration.ofHours(1), List.of("drill_5b2c9a100000_site"), "alice", AT),
            new DrillReportStoredEvent(ID, "database-corruption", "dr-drill-reports", "drills/" + ID + ".md", "ab12",
                    Instant.parse("2028-11-24T10:05:00Z"), "alice", AT));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeSerialisesExactlyAsItsSnapshot() throws Exception {
        ContractSnapshots.check(json, DrillEvent.class, SAMPLES);
    }
}
