package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArchiveQueryTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private static JsonNode line() throws Exception {
        return new ObjectMapper().readTree("""
                {"topic":"dr.incident.events","partition":0,"offset":3,"timestamp":"2026-11-25T10:00:05Z",
                 "headers":{"ce_type":"dr.incident.declared.v1"},
                 "payload":{"incidentId":"inc-1","actor":"alice","occurredAt":"2026-11-25T10:00:00Z"}}""");
    }

    @Test
    void matchesByIncidentActorTypeAndTheEventsOwnTime() throws Exception {
        assertThat(new ArchiveQuery(null, "inc-1", "alice", null, "dr.incident.declared.v1", AT, AT.plusSeconds(1)).matches(line())).isTrue();
        assertThat(new ArchiveQuery(null, "inc-2", null, null, null, null, null).matches(line())).isFalse();
        assertThat(new ArchiveQuery(null, null, "bob", null, null, null, null).matches(line())).isFalse();
        assertThat(new ArchiveQuery(null, null, null, null, "dr.incident.closed.v1", null, null).matches(line())).isFalse();
        assertThat(new ArchiveQuery(null, null, null, null, null, null, AT).matches(line())).as("'to' is exclusive").isFalse();
        assertThat(new ArchiveQuery("dr.backup.events", null, null, null, null, null, null).matches(line())).isFalse();
    }

    @Test
    void aSealedActorIsFoundByTheirKeyringSubject() throws Exception {
        java.util.UUID alice = java.util.UUID.fromString("0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10");
        JsonNode sealed = new ObjectMapper().readTree("""
                {"topic":"dr.incident.events","headers":{"ce_type":"dr.incident.declared.v1"},
                 "payload":{"incidentId":"inc-1","actor":"pd:v1:%s:AAAA","occurredAt":"2026-11-25T10:00:00Z"}}"""
                .formatted(alice));
        assertThat(new ArchiveQuery(null, null, "alice", alice, null, null, null).matches(sealed)).isTrue();
        assertThat(new ArchiveQuery(null, null, "bob", java.util.UUID.randomUUID(), null, null, null).matches(sealed)).isFalse();
        assertThat(new ArchiveQuery(null, null, "alice", null, null, null, null).matches(sealed))
                .as("a name the keyring does not know matches no sealed actor").isFalse();
    }

    @Test
    void aSegmentThatReachedKafkaBeforeTheRangeIsSkippedButNotOneRelayedLate() {
        SegmentCheckpoint segment = new SegmentCheckpoint("cluster-a", "dr.incident.events", 0, 0, 9, 10, "s", SegmentCheckpoint.GENESIS,
                AT.minusSeconds(60), AT.minusSeconds(1), "k", "sig");
        assertThat(ArchiveQuery.range(AT, AT.plusSeconds(60)).mayHold(segment)).isFalse();
        assertThat(ArchiveQuery.range(AT.minusSeconds(30), AT).mayHold(segment)).isTrue();
        assertThat(ArchiveQuery.range(AT.minusSeconds(3600), AT.minusSeconds(3000)).mayHold(segment))
                .as("relayed late: it may hold events that occurred earlier").isTrue();
    }
}
