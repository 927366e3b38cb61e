package org.drcc.incident.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
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
     * are assigned once, by the declaration, before any is decided), then the deletions, which commute. A handler
     * for each type it needs, not one for every incident event: Axon reads into its class only an event a handler
     * takes, and the declaration's checklist event, the largest, is none of these (JFR, {@code docs/benchmarks.md},
     * API).
     */
    @EventHandler
    void on(PhaseWindowsAssignedEvent e) {
        e.windows().stream().filter(w -> w.until() != null).forEach(w -> writes.add(0, """
                        INSERT INTO phase_window_due (incident_id, phase, deadline) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                e.incidentId(), w.phase().name(), Timestamp.from(e.startsAt().plus(w.until()))));
    }

    @EventHandler
    void on(PhaseWindowMetEvent e) {
        decided(e.incidentId(), e.phase().name());
    }

    @EventHandler
    void on(PhaseWindowBreachedEvent e) {
        decided(e.incidentId(), e.phase().name());
    }

    @EventHandler
    void on(IncidentClosedEvent e) {
        over(e.incidentId());
    }

    @EventHandler
    void on(IncidentCancelledEvent e) {
        over(e.incidentId());
    }

    private void over(String incidentId) {
        writes.add(1, "DELETE FROM phase_window_due WHERE incident_id = ?", incidentId);
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
