package org.drcc.incident.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drcc.contract.audit.ArchiveRetentionHonouredEvent;
import org.drcc.contract.audit.ArchiveRetentionNotHonouredEvent;
import org.drcc.contract.audit.AuditEvent;
import org.drcc.kit.kafka.ContractTypes;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/** The JSON of each audit event on {@code dr.audit.events} is a public contract: these snapshots fail when it changes. */
@JsonTest
class AuditEventContractTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:05:00Z");
    private static final Instant UNTIL = Instant.parse("2033-11-25T10:05:00Z");
    private static final String KEY = "segments/dr.incident.events/00000/00000000000000000000-00000000000000000999.jsonl.gz";

    private static final List<AuditEvent> SAMPLES = List.of(
            new ArchiveRetentionNotHonouredEvent("dr-audit-archive", KEY, "COMPLIANCE", UNTIL,
                    "asked for COMPLIANCE until " + UNTIL + ", read back no retention", "archiver", AT),
            new ArchiveRetentionHonouredEvent("dr-audit-archive", KEY, "COMPLIANCE", UNTIL,
                    "COMPLIANCE until " + UNTIL, "archiver", AT));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeHasASnapshot() {
        assertThat(SAMPLES).extracting(Object::getClass).map(Class.class::cast)
                .containsExactlyInAnyOrderElementsOf(ContractTypes.of(AuditEvent.class).all().values());
    }

    @Test
    void eachEventSerialisesExactlyAsItsSnapshot() throws Exception {
        List<String> missing = new ArrayList<>();
        for (AuditEvent event : SAMPLES) {
            String type = ContractTypes.typeOf(event.getClass());
            String snapshot = snapshot(type, event);
            if (snapshot == null) {
                missing.add(type);
                continue;
            }
            JSONAssert.assertEquals(type, snapshot, json.writeValueAsString(event), JSONCompareMode.STRICT);
            assertThat(json.readValue(snapshot, event.getClass())).as(type + " reads back").isEqualTo(event);
        }
        assertThat(missing).as("event types without a snapshot: review target/contract-drafts/ and copy the files to "
                + "src/test/resources/contract/").isEmpty();
    }

    private String snapshot(String type, AuditEvent sample) throws Exception {
        try (InputStream in = AuditEventContractTest.class.getResourceAsStream("/contract/" + type + ".json")) {
            if (in == null) {
                Path draft = Path.of("target", "contract-drafts", type + ".json");
                Files.createDirectories(draft.getParent());
                Files.writeString(draft, json.writerWithDefaultPrettyPrinter().writeValueAsString(sample));
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
