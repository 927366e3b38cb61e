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
    void phaseWindowCountsFromTheDeclaration() {
        assertThat(PhaseWindows.describe("ASSESSMENT", declared, declared.plus(Duration.ofMinutes(18))))
                .isEqualTo("Assessment: first 30m, 12m left");
        assertThat(PhaseWindows.over("CONTAINMENT", declared, declared.plus(Duration.ofMinutes(61)))).isTrue();
        assertThat(PhaseWindows.describe("COMMUNICATION", declared, declared)).isEqualTo("Communication");
    }

    @Test
    void deadlinesCountMetBreachedAndDueWithTheNearest() {
        Deadlines d = Deadlines.of(List.of(Map.of("deadline", "MET", "dueAt", "2026-11-30T10:15:00Z"),
                Map.of("deadline", "BREACHED", "dueAt", "2026-11-30T10:15:00Z"),
                Map.of("dueAt", "2026-11-30T11:00:00Z"), Map.of("dueAt", "2026-11-30T10:30:00Z")));
        assertThat(d).isEqualTo(new Deadlines(2, 1, 1, Instant.parse("2026-11-30T10:30:00Z")));
    }
}
