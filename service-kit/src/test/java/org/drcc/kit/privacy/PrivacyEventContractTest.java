package org.drcc.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.drcc.contract.privacy.PersonalDataErasedEvent;
import org.drcc.contract.privacy.PrivacyEvent;
import org.drcc.kit.kafka.ContractTypes;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * The JSON of {@code dr.privacy.events} is a public contract: the snapshot fails when it changes. (On the
 * wire the {@code actor} is sealed, as every personal field is.)
 */
class PrivacyEventContractTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static final PersonalDataErasedEvent SAMPLE = new PersonalDataErasedEvent(
            "7d1e0a4c-0000-4000-8000-000000000001", "incident-service", "0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10", true, 3,
            "GDPR request 7", "sam", Instant.parse("2026-11-25T10:05:00Z"));

    @Test
    void theErasureSerialisesExactlyAsItsSnapshot() throws Exception {
        assertThat(ContractTypes.of(PrivacyEvent.class).all().values()).containsExactly(PersonalDataErasedEvent.class);
        String type = ContractTypes.typeOf(PersonalDataErasedEvent.class);
        try (InputStream in = getClass().getResourceAsStream("/contract/" + type + ".json")) {
            assertThat(in).as("the snapshot of " + type).isNotNull();
            String snapshot = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JSONAssert.assertEquals(type, snapshot, JSON.writeValueAsString(SAMPLE), JSONCompareMode.STRICT);
            assertThat(JSON.readValue(snapshot, PersonalDataErasedEvent.class)).isEqualTo(SAMPLE);
        }
    }
}
