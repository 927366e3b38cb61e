package org.drcc.incident.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.kit.kafka.ContractTypes;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/**
 * The JSON of each incident event on Kafka is a public contract: these snapshots fail when it changes.
 * A breaking change needs a new event version, not an edit of the snapshot.
 */
@JsonTest
class IncidentEventContractTest {

    private static final Map<Class<? extends IncidentEvent>, IncidentEvent> SAMPLES = Map.of(
            IncidentDeclaredEvent.class, new IncidentDeclaredEvent("7d3f6c1e-0000-4000-8000-000000000001",
                    "database-corruption", "Orders table corrupted", "checksum errors on customer_order",
                    Severity.HIGH, Duration.ofHours(2), Duration.ofHours(1), Instant.parse("2026-11-25T10:00:00Z"),
                    Instant.parse("2026-11-25T09:00:00Z"), false, "alice", Instant.parse("2026-11-25T10:05:00Z")));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeHasASnapshot() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(ContractTypes.of(IncidentEvent.class).all().values());
    }

    @Test
    void eachEventSerialisesExactlyAsItsSnapshot() throws Exception {
        for (IncidentEvent event : SAMPLES.values()) {
            String type = ContractTypes.typeOf(event.getClass());
            JSONAssert.assertEquals(type, snapshot(type), json.writeValueAsString(event), JSONCompareMode.STRICT);
            assertThat(json.readValue(snapshot(type), event.getClass())).as(type + " reads back").isEqualTo(event);
        }
    }

    private static String snapshot(String type) throws Exception {
        try (InputStream in = IncidentEventContractTest.class.getResourceAsStream("/contract/" + type + ".json")) {
            assertThat(in).as("snapshot for " + type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
