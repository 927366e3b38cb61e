package org.drcc.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.drcc.metrics.figures.Period;
import org.junit.jupiter.api.Test;

class PeriodParametersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void defaultsToTheLast30Days() {
        assertThat(PeriodParameters.parse(null, "", NOW))
                .isEqualTo(new Period(Instant.parse("2026-10-26T10:00:00Z"), NOW));
    }

    @Test
    void readsInstantsAndDatesAsMidnightUtc() {
        assertThat(PeriodParameters.parse("2026-11-01", "2026-11-02T12:00:00Z", NOW)).isEqualTo(
                new Period(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T12:00:00Z")));
    }

    @Test
    void namesTheParameterThatCannotBeRead() {
        assertThatThrownBy(() -> PeriodParameters.parse("2026-13-01", null, NOW))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("from"));
        assertThatThrownBy(() -> PeriodParameters.parse(null, "soon", NOW))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("to"));
    }

    @Test
    void refusesReversedAndEmptyRangesNamingTo() {
        assertThatThrownBy(() -> PeriodParameters.parse("2026-11-02", "2026-11-01", NOW))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("to"));
        assertThatThrownBy(() -> PeriodParameters.parse("2026-11-02", "2026-11-02", NOW))
                .isInstanceOf(InvalidParameterException.class);
    }
}
