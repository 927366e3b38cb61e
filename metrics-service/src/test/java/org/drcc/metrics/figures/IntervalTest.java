package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.metrics.figures.Facts.at;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalTest {

    private static Interval hours(double from, double to) {
        return new Interval(at(from), at(to));
    }

    @Test
    void overlappingAndTouchingIntervalsAreCountedOnce() {
        assertThat(Interval.union(List.of(hours(3, 4), hours(1, 2), hours(1.5, 2.5), hours(2.5, 3))))
                .containsExactly(hours(1, 4));
        assertThat(Interval.total(List.of(hours(1, 2), hours(1.5, 2.5), hours(5, 6)))).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void holesAreCutOutOfWhatIsCovered() {
        assertThat(Interval.minus(List.of(hours(0, 10)), List.of(hours(2, 3), hours(-1, 1), hours(9, 12))))
                .containsExactly(hours(1, 2), hours(3, 9));
        assertThat(Interval.minus(List.of(hours(2, 3)), List.of(hours(0, 10)))).isEmpty();
        assertThat(Interval.minus(List.of(hours(2, 3)), List.of(hours(5, 6)))).containsExactly(hours(2, 3));
    }

    @Test
    void clippingKeepsOnlyThePartInside() {
        assertThat(hours(0, 5).clip(at(1), at(2))).isEqualTo(hours(1, 2));
        assertThat(hours(0, 1).clip(at(1), at(2))).isNull();
    }
}
