package org.drcc.console.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One open incident on the board: what it is, where it stands, and its three clocks (the phase windows from the plan). */
public record BoardRow(String id, String title, String scenario, String severity, String status, String phase, boolean drill,
                Object declaredAt, RtoClock rto, String phaseWindow, boolean phaseOver, List<PhaseWindow> windows,
                Deadlines deadlines) {

    static BoardRow of(Map<String, Object> view, Deadlines deadlines, Instant now) {
        Instant declared = instant(view.get("declaredAt"));
        Object restore = view.get("restore");
        Instant restored = restore instanceof Map<?, ?> r ? instant(r.get("at")) : null;
        Duration rto = view.get("rto") == null ? null : Duration.parse(view.get("rto").toString());
        String phase = str(view.get("phase"));
        List<PhaseWindow> windows = PhaseWindow.of(view.get("windows"));
        PhaseWindow current = PhaseWindow.current(phase, windows);
        return new BoardRow(str(view.get("id")), str(view.get("title")), str(view.get("scenario")),
                str(view.get("severity")), str(view.get("status")), phase, Boolean.TRUE.equals(view.get("drill")),
                view.get("declaredAt"), RtoClock.of(declared, restored, rto, now),
                current == null ? PhaseWindow.name(phase) : current.describe(now), current != null && current.over(now),
                windows, deadlines);
    }

    static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
