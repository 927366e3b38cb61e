package org.drcc.kit.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.privacy.ErasureConfirmedEvent;
import org.drcc.contract.privacy.ErasureRequestedEvent;
import org.drcc.contract.privacy.PersonalDataErasedEvent;
import org.drcc.contract.privacy.PrivacyEvent;
import org.drcc.testsupport.ContractSnapshots;
import org.junit.jupiter.api.Test;

/**
 * The JSON of {@code dr.privacy.events} is a public contract: the snapshot fails when it changes. (On the
 * wire the erased event's {@code actor} is sealed, as every personal field is; the requester and the
 * confirmer of an erasure are in clear.)
 */
class PrivacyEventContractTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static final PersonalDataErasedEvent SAMPLE = new PersonalDataErasedEvent(
            "7d1e0a4c-0000-4000-8000-000000000001", "incident-service", "0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10", true, 3,
            "GDPR request 7", "sam", Instant.parse("2026-11-25T10:05:00Z"));

    private static final ErasureRequestedEvent REQUESTED = new ErasureRequestedEvent(
            "7d1e0a4c-0000-4000-8000-000000000001", "incident-service", "0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10",
            "GDPR request 7", "sam", Instant.parse("2026-11-25T10:00:00Z"));

    private static final ErasureConfirmedEvent CONFIRMED = new ErasureConfirmedEvent(
            "7d1e0a4c-0000-4000-8000-000000000001", "backup-service", "0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10",
            "sam", "tess", Instant.parse("2026-11-25T10:04:00Z"));

    @Test
    void theErasureSerialisesExactlyAsItsSnapshot() throws Exception {
        ContractSnapshots.check(JSON, PrivacyEvent.class, List.of(SAMPLE, REQUESTED, CONFIRMED));
    }
}
