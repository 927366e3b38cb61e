package org.drcc.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.audit.ArchiveRetentionHonouredEvent;
import org.drcc.contract.audit.ArchiveRetentionNotHonouredEvent;
import org.drcc.contract.audit.ArchiveVerificationFailedEvent;
import org.drcc.contract.audit.ArchiveVerifiedEvent;
import org.drcc.contract.audit.AuditEvent;
import org.drcc.testsupport.ContractSnapshots;
import org.junit.jupiter.api.Test;
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
                    "COMPLIANCE until " + UNTIL, "archiver", AT),
            new ArchiveVerifiedEvent("dr-audit-archive-offsite", "offsite", 1, 14, 2210, 2_204_113, "archiver", AT),
            new ArchiveVerificationFailedEvent("dr-audit-archive", "primary", "MISSING_SEGMENT", KEY,
                    "offsets 0 to 999 are in no segment", 1870, 1_869_001, "archiver", AT));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeSerialisesExactlyAsItsSnapshot() throws Exception {
        ContractSnapshots.check(json, AuditEvent.class, SAMPLES);
    }
}
