package org.drcc.incident.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.PhaseWindow;

/** An incident's phase deadlines (the detection plus each window's end) and which are decided, met or breached. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
final class PhaseDeadlines {

    private final Map<Phase, Instant> deadlines = new TreeMap<>();
    private final Set<Phase> decided = new HashSet<>();

    void assign(Instant startsAt, List<PhaseWindow> windows) {
        windows.stream().filter(w -> w.until() != null).forEach(w -> deadlines.put(w.phase(), startsAt.plus(w.until())));
    }

    void decide(Phase phase) {
        decided.add(phase);
    }

    /** The deadline of a phase not decided yet; null when it has none or it is decided. */
    Instant open(Phase phase) {
        return phase == null || decided.contains(phase) ? null : deadlines.get(phase);
    }

    /** The undecided phases whose deadline is before {@code at}, in the plan's order. */
    List<Phase> passed(Instant at) {
        return deadlines.entrySet().stream().filter(e -> !decided.contains(e.getKey()) && e.getValue().isBefore(at))
                .map(Map.Entry::getKey).toList();
    }
}
