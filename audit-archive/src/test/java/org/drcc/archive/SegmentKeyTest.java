package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentKeyTest {

    @Test
    void namesAreDeterministicAndSortInOffsetOrder() {
        SegmentKey key = new SegmentKey(null, "dr.incident.events", 2, 1000, 1999);
        assertThat(key.segment()).isEqualTo("segments/dr.incident.events/00002/00000000000000001000-00000000000000001999.jsonl.gz");
        assertThat(key.checkpoint()).endsWith("00000000000000001000-00000000000000001999.checkpoint.json");
        assertThat(new SegmentKey("c", "t", 0, 999, 999).segment()).isLessThan(new SegmentKey("c", "t", 0, 1000, 1001).segment());
    }

    @Test
    void aNameParsesBackToItsKeyAndAForeignObjectIsIgnored() {
        SegmentKey key = new SegmentKey("Qx7-kH_2TZeUoNWh1a6c1g", "dr.drill.events", 0, 5, 9);
        assertThat(SegmentKey.parse(key.segment())).hasValueSatisfying(p -> {
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.checkpoint()).isFalse();
        });
        assertThat(SegmentKey.parse(key.checkpoint())).hasValueSatisfying(p -> assertThat(p.checkpoint()).isTrue());
        assertThat(SegmentKey.parse("segments/dr.drill.events/00000/notes.txt")).isEmpty();
        assertThat(SegmentKey.parse(ArchiveClusters.OWNER)).isEmpty();
    }

    @Test
    void eachKafkaClusterHasItsOwnChainsBesideThoseFromBeforeClusterIds() {
        SegmentKey before = new SegmentKey(null, "dr.incident.events", 0, 0, 9);
        SegmentKey after = new SegmentKey("Qx7-kH_2TZeUoNWh1a6c1g", "dr.incident.events", 0, 0, 9);
        assertThat(after.segment()).as("the same offsets, another object")
                .isEqualTo("clusters/Qx7-kH_2TZeUoNWh1a6c1g/segments/dr.incident.events/00000/"
                        + "00000000000000000000-00000000000000000009.jsonl.gz")
                .isNotEqualTo(before.segment());
        assertThat(SegmentKey.parse(before.checkpoint())).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo(before));
        assertThat(SegmentKey.parse(after.checkpoint())).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo(after));
    }

    @Test
    void theClusterIsSignedSoASegmentCannotBeMovedToAnotherClustersChain() {
        java.time.Instant at = java.time.Instant.parse("2026-11-30T10:00:00Z");
        SegmentCheckpoint v1 = new SegmentCheckpoint(null, "t", 0, 0, 9, 10, "s", SegmentCheckpoint.GENESIS, at, at, "k", null);
        SegmentCheckpoint a = new SegmentCheckpoint("a", "t", 0, 0, 9, 10, "s", SegmentCheckpoint.GENESIS, at, at, "k", null);
        SegmentCheckpoint b = new SegmentCheckpoint("b", "t", 0, 0, 9, 10, "s", SegmentCheckpoint.GENESIS, at, at, "k", null);
        assertThat(new String(v1.statement(), java.nio.charset.StandardCharsets.UTF_8))
                .as("checkpoints from before cluster ids verify as they were signed").startsWith("drcc-audit-archive-segment-v1\nt\n");
        assertThat(a.statement()).isNotEqualTo(b.statement());
    }
}
