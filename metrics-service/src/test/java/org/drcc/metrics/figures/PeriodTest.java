package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drcc.metrics.figures.Facts.at;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void isHalfOpen() {
        Period p = new Period(at(0), at(1));
        assertThat(p.contains(at(0))).isTrue();
        assertThat(p.contains(at(1))).isFalse();
        assertThat(p.contains(null)).isFalse();
    }

    @Test
    void cannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new Period(at(1), at(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
