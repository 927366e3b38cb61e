package org.drcc.metrics.query;

import static org.drcc.metrics.query.IncidentFacts.instant;

import java.sql.Timestamp;
import java.util.List;
import org.drcc.contract.plan.MaintenanceWindowScheduledEvent;
import org.drcc.contract.plan.PlanEvent;
import org.drcc.metrics.figures.MaintenanceWindow;
import org.drcc.metrics.figures.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** maintenance_window: the plan's maintenance windows, one row per window; a redelivered event changes nothing. */
@Repository
public class MaintenanceWindows {

    private final JdbcClient jdbc;

    MaintenanceWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(PlanEvent event, String eventId) {
        if (event instanceof MaintenanceWindowScheduledEvent e) {
            jdbc.sql("""
                            INSERT INTO maintenance_window (window_id, starts_at, ends_at, reason, scheduled_at, event_id)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (window_id) DO NOTHING""")
                    .params(e.windowId(), Timestamp.from(e.startsAt()), Timestamp.from(e.endsAt()), e.reason(),
                            Timestamp.from(e.occurredAt()), eventId)
                    .update();
        }
    }

    /** The windows overlapping [from, to). */
    public List<MaintenanceWindow> during(Period period) {
        return jdbc.sql("SELECT * FROM maintenance_window WHERE ends_at > ? AND starts_at < ? ORDER BY starts_at")
                .params(Timestamp.from(period.from()), Timestamp.from(period.to()))
                .query((rs, n) -> new MaintenanceWindow(rs.getString("window_id"), instant(rs, "starts_at"),
                        instant(rs, "ends_at"), rs.getString("reason"), instant(rs, "scheduled_at"),
                        rs.getString("event_id")))
                .list();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM maintenance_window").update();
    }
}
