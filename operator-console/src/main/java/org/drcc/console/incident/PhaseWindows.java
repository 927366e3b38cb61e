package org.drcc.console.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The window of each recovery phase counted from the declaration, as the DR plan's "Recovery Procedures" give
 * them: Assessment 0-30 min, Containment 30 min-1 h, Recovery 1-4 h, Validation 4-6 h, Post-recovery from 6 h;
 * Communication runs throughout. The plan's YAML does not carry them yet, so they are written here once.
 */
final class PhaseWindows {

    private record Window(Duration from, Duration to) {
    }

    private static final Map<String, Window> WINDOWS = Map.of(
            "ASSESSMENT", new Window(Duration.ZERO, Duration.ofMinutes(30)),
            "CONTAINMENT", new Window(Duration.ofMinutes(30), Duration.ofHours(1)),
            "RECOVERY", new Window(Duration.ofHours(1), Duration.ofHours(4)),
            "VALIDATION", new Window(Duration.ofHours(4), Duration.ofHours(6)),
            "POST_RECOVERY", new Window(Duration.ofHours(6), null));

    private PhaseWindows() {
    }

    /** "Assessment: first 30m, 12m left", "Recovery: 1h-4h, 20m over", or the phase alone where it has no end. */
    static String describe(String phase, Instant declaredAt, Instant now) {
        Window window = phase == null ? null : WINDOWS.get(phase);
        String name = phase == null ? "" : phase.charAt(0) + phase.substring(1).toLowerCase().replace('_', '-');
        if (window == null || declaredAt == null) {
            return name;
        }
        if (window.to() == null) {
            return name + ": from " + Durations.human(window.from());
        }
        Duration left = Duration.between(now, declaredAt.plus(window.to()));
        String span = window.from().isZero() ? "first " + Durations.human(window.to())
                : Durations.human(window.from()) + "-" + Durations.human(window.to());
        return name + ": " + span + ", "
                + (left.isNegative() ? Durations.human(left.negated()) + " over" : Durations.human(left) + " left");
    }

    static boolean over(String phase, Instant declaredAt, Instant now) {
        Window window = phase == null ? null : WINDOWS.get(phase);
        return window != null && window.to() != null && declaredAt != null && now.isAfter(declaredAt.plus(window.to()));
    }
}
