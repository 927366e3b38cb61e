package org.drcc.metrics.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Optional;
import org.drcc.contract.plan.PlanEvent;
import org.drcc.contract.plan.SlaStatedEvent;
import org.drcc.metrics.figures.SlaTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * plan_sla: the SLA the plan states, from {@code dr.plan.sla-stated.v1}; the newest statement wins, a redelivered or
 * older one changes nothing. The plan file in incident-service is the SLA's one source: this service has no setting
 * for it (it had one, {@code dr.metrics.sla.availability}, which could disagree with the plan and the plan check).
 */
@Repository
public class PlanSla {

    private final JdbcClient jdbc;

    PlanSla(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(PlanEvent event, String eventId) {
        if (event instanceof SlaStatedEvent e) {
            jdbc.sql("""
                            INSERT INTO plan_sla (id, availability, stated_at, event_id) VALUES ('sla', ?, ?, ?)
                            ON CONFLICT (id) DO UPDATE SET availability = EXCLUDED.availability,
                                stated_at = EXCLUDED.stated_at, event_id = EXCLUDED.event_id
                            WHERE plan_sla.stated_at <= EXCLUDED.stated_at""")
                    .params(e.availability(), Timestamp.from(e.occurredAt()), eventId)
                    .update();
        }
    }

    /** The plan's SLA; empty until incident-service has stated it (a fresh install before its first start). */
    public Optional<SlaTarget> target() {
        // numeric(8, 5) reads back as 99.99900: the plan wrote 99.999
        return jdbc.sql("SELECT availability FROM plan_sla").query(BigDecimal.class).optional()
                .map(a -> new SlaTarget(a.stripTrailingZeros()));
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM plan_sla").update();
    }
}
