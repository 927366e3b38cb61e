package org.drcc.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RtoClockTest {

    private final Instant declared = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void showsTheTimeLeftWhileTheTargetCanStillBeMet() {
        RtoClock clock = RtoClock.of(declared, null, Duration.ofHours(2), declared.plus(Duration.ofMinutes(20)));
        assertThat(clock.text()).isEqualTo("1h 40m left");
        assertThat(clock.tone()).isEqualTo("ok");
    }

    @Test
    void warnsInTheLastQuarterAndShowsHowLateOnceMissed() {
        assertThat(RtoClock.of(declared, null, Duration.ofHours(2), declared.plus(Duration.ofMinutes(100))).tone())
                .isEqualTo("warn");
        RtoClock late = RtoClock.of(declared, null, Duration.ofHours(2), declared.plus(Duration.ofMinutes(135)));
        assertThat(late.text()).isEqualTo("15m over");
        assertThat(late.tone()).isEqualTo("late");
    }

    @Test
    void stopsAtTheRestore() {
        RtoClock met = RtoClock.of(declared, declared.plus(Duration.ofMinutes(42)), Duration.ofHours(2),
                declared.plus(Duration.ofHours(5)));
        assertThat(met.text()).isEqualTo("met in 42m");
    }

    @Test
    void phaseWindowIsTheOneIncidentServiceRecordedFromThePlan() {
        List<PhaseWindow> windows = PhaseWindow.of(List.of(
                Map.of("phase", "ASSESSMENT", "from", "PT0S", "until", "PT45M", "deadline", "2026-11-30T10:45:00Z", "state", "MET"),
                Map.of("phase", "CONTAINMENT", "from", "PT45M", "until", "PT1H30M", "deadline", "2026-11-30T11:30:00Z", "state", "OPEN"),
                Map.of("phase", "RECOVERY", "from", "PT1H30M", "until", "PT4H", "deadline", "2026-11-30T14:00:00Z", "state", "BREACHED"),
                Map.of("phase", "POST_RECOVERY", "from", "PT6H", "state", "OPEN")));
        Instant now = declared.plus(Duration.ofMinutes(80));
        assertThat(PhaseWindow.current("CONTAINMENT", windows).describe(now)).isEqualTo("Containment: 45m-1h 30m, 10m left");
        assertThat(PhaseWindow.current("ASSESSMENT", windows).describe(now)).isEqualTo("Assessment: first 45m, met");
        assertThat(PhaseWindow.current("RECOVERY", windows).over(now)).as("breached as the service recorded it").isTrue();
        assertThat(PhaseWindow.current("CONTAINMENT", windows).over(declared.plus(Duration.ofMinutes(91)))).isTrue();
        assertThat(PhaseWindow.current("POST_RECOVERY", windows).describe(now)).isEqualTo("Post-recovery: from 6h");
        assertThat(BoardRow.of(Map.of("phase", "COMMUNICATION", "status", "DECLARED"), null, now).phaseWindow())
                .as("a phase without a window: its name").isEqualTo("Communication");
    }
}
