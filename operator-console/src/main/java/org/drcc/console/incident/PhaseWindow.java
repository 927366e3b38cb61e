package org.drcc.console.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A phase's window as incident-service copied it from the plan into the incident ({@code windows} of the incident:
 * the span counted from the detection, its deadline, and OPEN, MET or BREACHED as the service decided it).
 */
public record PhaseWindow(String phase, Duration from, Duration until, Instant deadline, String state) {

    /** The incident's windows in the plan's order; none for an incident declared before the service kept them. */
    static List<PhaseWindow> of(Object windows) {
        if (!(windows instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(w -> (Map<?, ?>) w)
                .map(w -> new PhaseWindow(String.valueOf(w.get("phase")), duration(w.get("from")), duration(w.get("until")),
                        BoardRow.instant(w.get("deadline")), String.valueOf(w.get("state"))))
                .toList();
    }

    static PhaseWindow current(String phase, List<PhaseWindow> windows) {
        return windows.stream().filter(w -> w.phase().equals(phase)).findFirst().orElse(null);
    }

    /** "Assessment: first 30m, 12m left", "Recovery: 1h-4h, 20m over", "Containment: 30m-1h, met", or from where it has no end. */
    public String describe(Instant now) {
        String span = until == null ? "from " + Durations.human(from)
                : from.isZero() ? "first " + Durations.human(until) : Durations.human(from) + "-" + Durations.human(until);
        if (until == null || deadline == null) {
            return name(phase) + ": " + span;
        }
        if ("MET".equals(state)) {
            return name(phase) + ": " + span + ", met";
        }
        Duration left = Duration.between(now, deadline);
        return name(phase) + ": " + span + ", "
                + (over(now) ? Durations.human(left.negated()) + " over" : Durations.human(left) + " left");
    }

    /** Breached as the service recorded it, or past its deadline before the service's clock came round. */
    public boolean over(Instant now) {
        return "BREACHED".equals(state) || "OPEN".equals(state) && deadline != null && now.isAfter(deadline);
    }

    static String name(String phase) {
        return phase == null ? "" : phase.charAt(0) + phase.substring(1).toLowerCase().replace('_', '-');
    }

    private static Duration duration(Object value) {
        return value == null ? null : Duration.parse(value.toString());
    }
}
