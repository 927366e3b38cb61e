package org.drcc.incident.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.PhaseWindowBreachedEvent;
import org.drcc.contract.incident.PhaseWindowMetEvent;
import org.drcc.contract.incident.PhaseWindowsAssignedEvent;
import org.drcc.kit.jdbc.TransactionBatches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The phase deadlines still open, one row per incident and phase, gone once decided or the incident is over. */
@Component
@ProcessingGroup("incident-projection")
class PhaseWindowsDue {

    private final JdbcClient jdbc;
    private final TransactionBatches writes;

    PhaseWindowsDue(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.writes = new TransactionBatches(template);
    }

    /**
     * Written with the other events of the processor's batch when its transaction commits: the windows first (they
     * are assigned once, by the declaration, before any is decided), then the deletions, which commute.
     */
    @EventHandler
    void on(IncidentEvent event) {
        if (event instanceof PhaseWindowsAssignedEvent e) {
            e.windows().stream().filter(w -> w.until() != null).forEach(w -> writes.add(0, """
                            INSERT INTO phase_window_due (incident_id, phase, deadline) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING""",
                    e.incidentId(), w.phase().name(), Timestamp.from(e.startsAt().plus(w.until()))));
        } else if (event instanceof PhaseWindowMetEvent e) {
            decided(e.incidentId(), e.phase().name());
        } else if (event instanceof PhaseWindowBreachedEvent e) {
            decided(e.incidentId(), e.phase().name());
        } else if (event instanceof IncidentClosedEvent || event instanceof IncidentCancelledEvent) {
            writes.add(1, "DELETE FROM phase_window_due WHERE incident_id = ?", event.incidentId());
        }
    }

    private void decided(String incidentId, String phase) {
        writes.add(1, "DELETE FROM phase_window_due WHERE incident_id = ? AND phase = ?", incidentId, phase);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE phase_window_due").update();
    }

    /** Incidents with a phase deadline before {@code now} that is not decided yet, the oldest first. */
    List<String> pastDeadline(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT incident_id FROM phase_window_due WHERE deadline < ?
                        GROUP BY incident_id ORDER BY min(deadline) LIMIT ?""")
                .params(Timestamp.from(now), limit).query(String.class).list();
    }
}
