package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentKeyTest {

    @Test
    void namesAreDeterministicAndSortInOffsetOrder() {
        SegmentKey key = new SegmentKey("dr.incident.events", 2, 1000, 1999);
        assertThat(key.segment()).isEqualTo("segments/dr.incident.events/00002/00000000000000001000-00000000000000001999.jsonl.gz");
        assertThat(key.checkpoint()).endsWith("00000000000000001000-00000000000000001999.checkpoint.json");
        assertThat(new SegmentKey("t", 0, 999, 999).segment()).isLessThan(new SegmentKey("t", 0, 1000, 1001).segment());
    }

    @Test
    void aNameParsesBackToItsKeyAndAForeignObjectIsIgnored() {
        SegmentKey key = new SegmentKey("dr.drill.events", 0, 5, 9);
        assertThat(SegmentKey.parse(key.segment())).hasValueSatisfying(p -> {
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.checkpoint()).isFalse();
        });
        assertThat(SegmentKey.parse(key.checkpoint())).hasValueSatisfying(p -> assertThat(p.checkpoint()).isTrue());
        assertThat(SegmentKey.parse("segments/dr.drill.events/00000/notes.txt")).isEmpty();
    }
}
