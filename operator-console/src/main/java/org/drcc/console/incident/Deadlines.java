package org.drcc.console.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The communication plan's deadlines of one incident as notification-service reports them: met, breached, and
 * still due (with the nearest).
 */
public record Deadlines(int due, int met, int breached, Instant nextDue) {

    static Deadlines of(List<Map<String, Object>> notifications) {
        int due = 0;
        int met = 0;
        int breached = 0;
        Instant next = null;
        for (Map<String, Object> n : notifications) {
            Object outcome = n.get("deadline");
            if ("MET".equals(outcome)) {
                met++;
            } else if ("BREACHED".equals(outcome)) {
                breached++;
            } else if (n.get("dueAt") != null) {
                due++;
                Instant at = Instant.parse(n.get("dueAt").toString());
                next = next == null || at.isBefore(next) ? at : next;
            }
        }
        return new Deadlines(due, met, breached, next);
    }
}
